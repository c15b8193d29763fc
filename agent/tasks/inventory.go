package tasks

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"sync"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// maxInventoryHosts bounds one inventory task, like a sweep.
const maxInventoryHosts = 1 << 16

// inventoryHosts expands an inventory task's targets: addresses with an
// optional port ("10.0.0.5", "10.0.0.5:1161", "[2001:db8::5]:161"), host
// names ("sw-core-1.example.org"), and ranges as a discovery takes them.
func inventoryHosts(targets []string) ([]string, error) {
	var out []string
	for _, t := range targets {
		t = strings.TrimSpace(t)
		switch {
		case t == "":
			return nil, errors.New("an empty target")
		case isAddr(t):
			out = append(out, t)
		case strings.Contains(t, "/") || isDashRange(t):
			addrs, err := snmp.ParseTargets([]string{t})
			if err != nil {
				return nil, err
			}
			out = append(out, specs(addrs)...)
		case isHostName(t):
			out = append(out, t)
		default:
			return nil, fmt.Errorf("%q is not an address, host name or range", t)
		}
		if len(out) > maxInventoryHosts {
			return nil, fmt.Errorf("more than %d hosts: split the task", maxInventoryHosts)
		}
	}
	return out, nil
}

func isAddr(s string) bool {
	if _, err := netip.ParseAddr(s); err == nil {
		return true
	}
	_, err := netip.ParseAddrPort(s)
	return err == nil
}

func isDashRange(s string) bool {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return false
	}
	_, err1 := netip.ParseAddr(strings.TrimSpace(a))
	_, err2 := netip.ParseAddr(strings.TrimSpace(b))
	return err1 == nil && err2 == nil
}

// isHostName accepts a DNS name with an optional ":port".
func isHostName(s string) bool {
	name, port, hasPort := strings.Cut(s, ":")
	if hasPort && (port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "") {
		return false
	}
	if name == "" || len(name) > 253 {
		return false
	}
	for _, label := range strings.Split(name, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		if strings.Trim(strings.ToLower(label), "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return false
		}
	}
	return true
}

// inventory reads each target in full and spools one netinventory report
// per device. A host that cannot be read is logged and skipped; the task
// fails only when no host could be read.
func (r *taskRun) inventory(ctx context.Context) error {
	hosts, err := inventoryHosts(r.task.Targets)
	if err != nil {
		return fmt.Errorf("targets: %w", err)
	}
	workers := r.task.Workers
	if workers <= 0 {
		workers = defaultInvCon
	}
	var mu sync.Mutex // guards cp, done, found and emitErr
	var emitErr error
	// Go on after the hosts an earlier start read or gave up on.
	cp := r.dir.loadCheckpoint()
	if len(cp.Hosts) > 0 {
		seen := map[string]bool{}
		for _, h := range cp.Hosts {
			seen[h] = true
		}
		hosts = slices.DeleteFunc(hosts, func(h string) bool { return seen[h] })
		r.log.Info("network task resumed", "done", len(cp.Hosts), "left", len(hosts))
	}
	done, found := len(cp.Hosts), cp.Found
	r.tr.set(func(p *api.TaskProgress) { p.Done, p.Found = done, found })
	workers = max(min(workers, len(hosts)), 1)
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for h := range jobs {
				dev, err := r.inventoryHost(ctx, h)
				mu.Lock()
				// A host is behind the task once its report is spooled, or
				// once it failed for its own reasons (not the agent
				// stopping).
				settled := false
				if err == nil {
					if err = r.emit(dev.Report); err != nil {
						emitErr = err
					} else {
						found++
						settled = true
					}
				} else if ctx.Err() == nil {
					cp.Failures = append(cp.Failures, err.Error())
					r.log.Warn("device not inventoried", "host", h, "err", err)
					settled = true
				}
				if settled {
					cp.Hosts, cp.Found = append(cp.Hosts, h), found
					if serr := r.dir.saveCheckpoint(cp); serr != nil {
						r.log.Warn("cannot save the task's checkpoint", "err", serr)
					}
				}
				if settled || emitErr != nil {
					done++ // a host the stop interrupted is not done
				}
				d, f := done, found
				mu.Unlock()
				r.tr.set(func(p *api.TaskProgress) { p.Done, p.Found = d, f })
			}
		}()
	}
feed:
	for _, h := range hosts {
		select {
		case jobs <- h:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case emitErr != nil:
		return emitErr
	case found == 0 && len(cp.Failures) > 0:
		failures := cp.Failures
		if len(failures) > 5 {
			failures = append(failures[:5:5], fmt.Sprintf("and %d more", len(failures)-5))
		}
		return fmt.Errorf("no device could be inventoried: %s", strings.Join(failures, "; "))
	}
	return nil
}

// inventoryHost tries the task's credentials in order on one host until
// one answers, and reads the device with it.
func (r *taskRun) inventoryHost(ctx context.Context, host string) (*snmp.Device, error) {
	var reasons []string
	for _, cred := range r.task.Credentials {
		s, err := snmp.Dial(ctx, host, cred, r.session())
		if err != nil {
			return nil, err
		}
		dev, err := snmp.Inventory(ctx, s, snmp.InventoryOptions{DB: r.db, VLANContexts: true, Meta: r.meta()})
		s.Close()
		if err == nil {
			addressFirst(dev, host)
			return dev, nil
		}
		if !errors.Is(err, snmp.ErrNoResponse) && !errors.Is(err, snmp.ErrAuth) {
			return nil, err
		}
		// Credential.String names the kind of credential, never its secret.
		reasons = append(reasons, cred.String()+": "+shortReason(err))
	}
	return nil, fmt.Errorf("%s: %s", host, strings.Join(reasons, "; "))
}

// addressFirst puts the address the device answered on first in
// network_device.ips, as a discovery does: the collector files the report
// under it, and the device's own ipAddrTable may not list it (NAT, a
// management address) or be empty (many printers).
func addressFirst(dev *snmp.Device, host string) {
	nd := dev.Report.Content.NetworkDevice
	if nd == nil {
		return
	}
	addr := host
	if ap, err := netip.ParseAddrPort(host); err == nil {
		addr = ap.Addr().String()
	} else if h, _, ok := strings.Cut(host, ":"); ok && !strings.Contains(h, ":") {
		addr = h // a host name with a port
	}
	nd.IPs = append([]string{addr}, slices.DeleteFunc(nd.IPs, func(ip string) bool { return ip == addr })...)
}

func shortReason(err error) string {
	var ae *snmp.AuthError
	switch {
	case errors.As(err, &ae):
		return ae.Why
	case errors.Is(err, snmp.ErrNoResponse):
		return "no answer"
	}
	return err.Error()
}
