package snmp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/parcproject/parc/pkg/inventory"
)

// DefaultWorkers is the default sweep concurrency. A silent address costs
// a full timeout, so with 256 workers a /24 of mostly empty addresses
// finishes in about one timeout (with 128 it took two). Each worker holds
// one UDP socket per credential while it waits for the first answer.
const DefaultWorkers = 256

// DiscoverOptions configures a sweep.
type DiscoverOptions struct {
	// Targets are addresses, CIDR ranges and dash ranges (see ParseTargets).
	Targets []string
	// Credentials are tried in order on each host; the first that answers
	// wins.
	Credentials []Credential
	// Session sets port, timeout and retries of each request.
	Session Options
	// Workers bounds the hosts probed at once; default DefaultWorkers.
	Workers int
	// DB identifies devices by sysObjectID.
	DB *SysObjectDB
	// Probe reports hosts without SNMP as unmanaged; nil lists SNMP
	// devices only.
	Probe Probe
	// Progress is called after each host, from worker goroutines (one at a
	// time).
	Progress func(Progress)
	// Meta stamps the reports.
	Meta Meta
}

// Progress counts a sweep's hosts.
type Progress struct {
	Done  int // hosts finished
	Total int // hosts in the sweep
	Found int // hosts reported (SNMP or unmanaged)
}

// Result is one host the sweep found.
type Result struct {
	IP string
	// Credential is the index in DiscoverOptions.Credentials of the one that
	// answered, or -1 for an unmanaged host.
	Credential int
	// Identity is nil for unmanaged hosts.
	Identity *Identity
	// Report is the netdiscovery report.
	Report *inventory.Report
	// Reasons says, per credential tried, why it did not work ("v3 user
	// "ops": wrong auth passphrase or protocol").
	Reasons []string
}

// Discover sweeps the targets. It returns the hosts found in target
// order; hosts that answer nothing and that the probe does not see are
// left out. Cancelling ctx stops the sweep and returns what was found
// with ctx's error.
func Discover(ctx context.Context, o DiscoverOptions) ([]Result, error) {
	addrs, err := ParseTargets(o.Targets)
	if err != nil {
		return nil, err
	}
	if len(o.Credentials) == 0 {
		return nil, errors.New("discover: no credential given")
	}
	for i, c := range o.Credentials {
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("discover: credential %d: %w", i+1, err)
		}
	}
	workers := o.Workers
	if workers <= 0 {
		workers = DefaultWorkers
	}
	workers = min(workers, len(addrs))
	o.Session = o.Session.Defaults()
	log := o.Session.Logger.With("component", "snmp_discovery")
	results := make([]*Result, len(addrs))
	jobs := make(chan int)
	var done, found atomic.Int64
	var progMu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = probeHost(ctx, addrs[i], o, log)
				if results[i] != nil {
					found.Add(1)
				}
				d := done.Add(1)
				if o.Progress != nil {
					progMu.Lock()
					o.Progress(Progress{Done: int(d), Total: len(addrs), Found: int(found.Load())})
					progMu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range addrs {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	var out []Result
	for _, r := range results {
		if r != nil {
			out = append(out, *r)
		}
	}
	return out, ctx.Err()
}

// probeHost tries the credentials on one host, then the presence probe.
func probeHost(ctx context.Context, ip netip.Addr, o DiscoverOptions, log *slog.Logger) *Result {
	host := net.JoinHostPort(ip.String(), strconv.Itoa(int(o.Session.Port)))
	res := &Result{IP: ip.String(), Credential: -1}
	refused := false
	// The GETs of later credentials stop once this host is done.
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	first := firstAnswers(pctx, host, o)
	for i, cred := range o.Credentials {
		if ctx.Err() != nil {
			return nil
		}
		err := <-first[i]
		if err == nil {
			var id *Identity
			if id, err = identifyWith(ctx, host, cred, o); err == nil {
				res.Credential, res.Identity = i, id
				res.Report = id.DiscoveryReport(o.Meta, cred.ID)
				// The address that answered comes first: it is the one the
				// inventory will use, and the device's own ipAddrTable may
				// not list it (NAT, a management address).
				nd := res.Report.Content.NetworkDevice
				if !slices.Contains(nd.IPs, ip.String()) {
					nd.IPs = append([]string{ip.String()}, nd.IPs...)
				}
				return res
			}
		}
		refused = refused || errors.Is(err, ErrAuth)
		res.Reasons = append(res.Reasons, reason(cred, err))
		log.Debug("no answer with credential", "ip", res.IP, "credential", cred.String(), "error", err)
	}
	if refused {
		// A v3 agent that refuses the credential is a device we cannot read.
		res.Report = UnmanagedReport(o.Meta, res.IP, "", "snmp (credentials refused: "+strings.Join(res.Reasons, "; ")+")")
		return res
	}
	if o.Probe == nil || ctx.Err() != nil {
		return nil
	}
	mac, how, ok := o.Probe.Seen(ctx, ip)
	if !ok {
		return nil
	}
	res.Report = UnmanagedReport(o.Meta, res.IP, mac, how)
	return res
}

// firstAnswers sends one cheap GET with every credential at once and
// returns, per credential, a channel that yields its outcome. Asking in
// turn would cost a silent host (or a host that knows none of the
// communities, since v1/v2c agents drop unknown communities without a
// word) one timeout per credential; at once it costs one. The caller
// still takes the first credential in order that answers, and cancels
// ctx to end the GETs still pending.
func firstAnswers(ctx context.Context, host string, o DiscoverOptions) []chan error {
	out := make([]chan error, len(o.Credentials))
	for i, cred := range o.Credentials {
		out[i] = make(chan error, 1)
		go func() { out[i] <- ping(ctx, host, cred, o.Session) }()
	}
	return out
}

// ping reads sysObjectID with one credential.
func ping(ctx context.Context, host string, cred Credential, opts Options) error {
	s, err := Dial(ctx, host, cred, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Get(ctx, oidSysObjectID)
	return err
}

func identifyWith(ctx context.Context, host string, cred Credential, o DiscoverOptions) (*Identity, error) {
	s, err := Dial(ctx, host, cred, o.Session)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return Identify(ctx, s, o.DB)
}

func reason(c Credential, err error) string {
	var ae *AuthError
	switch {
	case errors.As(err, &ae):
		return c.String() + ": " + ae.Why
	case errors.Is(err, ErrNoResponse):
		return c.String() + ": no answer"
	}
	return c.String() + ": " + err.Error()
}
