package snmp

import (
	"context"
	"strconv"
	"sync"
)

// A Cisco switch keeps the MAC table of each VLAN in the VLAN's own
// context (community@vlan, or v3 context vlan-N), and a VLAN without one
// answers nothing: opening a context costs a timeout where there is none.
// Opened when the MAC table read reaches them, the contexts' timeout came
// after everything else and lengthened the inventory by about a timeout.
// So an inventory opens the contexts of the VLANs the VTP table lists as
// soon as it knows the device is a Cisco switch, in the background while
// it reads the rest, and the MAC table read takes the ones it needs.

// contextOpener opens the VLAN contexts of one device, each at most once,
// vlanContextsAtOnce at a time.
type contextOpener struct {
	ctx    context.Context
	cancel context.CancelFunc
	open   func(ctx context.Context, vlan int64) (*Session, error)
	sem    chan struct{}
	wg     sync.WaitGroup
	mu     sync.Mutex
	byVLAN map[int64]*openingContext
}

// openingContext is one context being opened: s is its session once done
// is closed, nil with err when the VLAN has no context.
type openingContext struct {
	done  chan struct{}
	s     *Session
	err   error
	taken bool
}

func newContextOpener(ctx context.Context, open func(ctx context.Context, vlan int64) (*Session, error)) *contextOpener {
	ctx, cancel := context.WithCancel(ctx)
	return &contextOpener{ctx: ctx, cancel: cancel, open: open, sem: make(chan struct{}, vlanContextsAtOnce),
		byVLAN: map[int64]*openingContext{}}
}

// start begins opening vlan's context unless it is under way.
func (o *contextOpener) start(vlan int64) *openingContext {
	o.mu.Lock()
	defer o.mu.Unlock()
	if p := o.byVLAN[vlan]; p != nil {
		return p
	}
	p := &openingContext{done: make(chan struct{})}
	o.byVLAN[vlan] = p
	o.wg.Add(1)
	go func() {
		defer o.wg.Done()
		defer close(p.done)
		select {
		case o.sem <- struct{}{}:
		case <-o.ctx.Done():
			p.err = o.ctx.Err()
			return
		}
		defer func() { <-o.sem }()
		p.s, p.err = o.open(o.ctx, vlan)
	}()
	return p
}

// get waits for vlan's context and hands its session over to the caller,
// who closes it.
func (o *contextOpener) get(ctx context.Context, vlan int64) (Reader, func(), error) {
	p := o.start(vlan)
	select {
	case <-p.done:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if p.err != nil {
		return nil, nil, p.err
	}
	if p.taken {
		// Asked twice: open it again rather than share a session.
		s, err := o.open(ctx, vlan)
		if err != nil {
			return nil, nil, err
		}
		return s, func() { s.Close() }, nil
	}
	p.taken = true
	return p.s, func() { p.s.Close() }, nil
}

// close stops the openings under way and closes the sessions nobody took.
func (o *contextOpener) close() {
	o.cancel()
	o.wg.Wait()
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, p := range o.byVLAN {
		if p.s != nil && !p.taken {
			p.s.Close()
		}
	}
}

// earlyContexts bounds the VLAN contexts opened ahead of need: a core
// switch's VTP table may list hundreds of VLANs that no access port uses,
// and each opening costs the device a request. The MAC table read opens
// the others it needs when it gets there.
const earlyContexts = 32

// startVTP starts opening the context of the first earlyContexts VLANs of
// the VTP table (vtpVlanName, read through r), but VLAN 1, which the
// default context holds, and the FDDI and Token Ring VLANs 1002-1005,
// which no port uses.
func (o *contextOpener) startVTP(ctx context.Context, r Reader) error {
	t, err := walkColumn(ctx, r, oidVtpVlanName)
	if err != nil {
		return err
	}
	n := 0
	for _, s := range t.Suffixes() {
		vlan, err := strconv.ParseInt(lastArc(s), 10, 64)
		if err != nil || vlan <= 1 || (vlan >= 1002 && vlan <= 1005) {
			continue
		}
		if n++; n > earlyContexts {
			break
		}
		o.start(vlan)
	}
	return nil
}

// lastArc returns the last arc of a dotted OID suffix.
func lastArc(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
	}
	return s
}
