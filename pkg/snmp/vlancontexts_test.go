package snmp

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"
)

// The VTP VLANs' contexts are opened before the MAC table read asks for
// them, once each, VLAN 1 and 1002-1005 never; a VLAN the VTP table does
// not list is opened when asked.
func TestContextOpenerOpensAhead(t *testing.T) {
	ctx := ctxT(t)
	var mu sync.Mutex
	var opened []int64
	o := newContextOpener(ctx, func(ctx context.Context, vlan int64) (*Session, error) {
		mu.Lock()
		opened = append(opened, vlan)
		mu.Unlock()
		if vlan == 3 {
			return nil, errors.New("no context") // as a timeout would
		}
		// UDP has no handshake: nothing needs to listen.
		return Dial(ctx, "127.0.0.1:9", Credential{Version: "2c", Community: "public@x"}, Options{Timeout: time.Second})
	})
	vtp := tableReader{oidVtpVlanName: {"1": intPDU(0), "2": intPDU(0), "3": intPDU(0), "1002": intPDU(0), "1005": intPDU(0)}}
	if err := o.startVTP(ctx, vtp); err != nil {
		t.Fatal(err)
	}
	for _, v := range []int64{2, 3} {
		<-o.start(v).done // started by startVTP: start only returns it
	}
	mu.Lock()
	ahead := slices.Clone(opened)
	mu.Unlock()
	slices.Sort(ahead)
	if !slices.Equal(ahead, []int64{2, 3}) {
		t.Fatalf("opened ahead: %v; want [2 3]", ahead)
	}
	r, closeFn, err := o.get(ctx, 2)
	if err != nil || r == nil {
		t.Fatalf("vlan 2: %v", err)
	}
	closeFn()
	if _, _, err := o.get(ctx, 3); err == nil {
		t.Error("vlan 3 without context: got a session")
	}
	if _, closeFn, err := o.get(ctx, 10); err != nil {
		t.Errorf("vlan 10, not in VTP: %v", err)
	} else {
		closeFn()
	}
	o.close()
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(opened[2:], []int64{10}) {
		t.Errorf("opened %v; want 2 and 3 ahead, then 10 once", opened)
	}
}
