package tasks

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// minChunk is the fewest addresses swept at once. snmp.Discover hands its
// reports back at the end of a sweep, so a large range is swept in chunks
// whose reports are spooled (and sent) as each chunk ends: an agent that
// stops in the middle of a /16 keeps what it found. A chunk of at least
// the worker count costs about one timeout, like the whole sweep would
// per that many addresses.
const minChunk = 256

// hostCount is the number of hosts a valid task covers.
func hostCount(t api.Task) int {
	if t.Kind == api.TaskNetDiscovery {
		addrs, _ := snmp.ParseTargets(t.Targets)
		return len(addrs)
	}
	hosts, _ := inventoryHosts(t.Targets)
	return len(hosts)
}

// discover sweeps the task's targets and spools one netdiscovery report
// per device found.
func (r *taskRun) discover(ctx context.Context) error {
	addrs, err := snmp.ParseTargets(r.task.Targets)
	if err != nil {
		return fmt.Errorf("targets: %w", err)
	}
	workers := r.task.Workers
	if workers <= 0 {
		workers = snmp.DefaultWorkers
	}
	chunk := max(workers, minChunk)
	base, found := 0, 0
	// Go on after the chunks an earlier start swept.
	if cp := r.dir.loadCheckpoint(); cp.Swept > 0 && cp.Swept <= len(addrs) {
		base, found = cp.Swept, cp.Found
		addrs = addrs[cp.Swept:]
		r.log.Info("network task resumed", "swept", base, "found", found)
		r.tr.set(func(tp *api.TaskProgress) { tp.Done, tp.Found = base, found })
	}
	for len(addrs) > 0 {
		n := min(chunk, len(addrs))
		part := addrs[:n]
		addrs = addrs[n:]
		results, err := snmp.Discover(ctx, snmp.DiscoverOptions{
			Targets: specs(part), Credentials: r.task.Credentials, Session: r.session(),
			Workers: workers, DB: r.db, Meta: r.meta(),
			// A fresh probe per chunk: the neighbour table is read after
			// the chunk's SNMP requests filled it.
			Probe: r.m.opts.Probe(),
			Progress: func(p snmp.Progress) {
				r.tr.set(func(tp *api.TaskProgress) { tp.Done = base + p.Done })
			},
		})
		for _, res := range results {
			if res.Report == nil {
				continue
			}
			if err := r.emit(res.Report); err != nil {
				return err
			}
			found++
			r.tr.set(func(tp *api.TaskProgress) { tp.Found = found })
			r.log.Debug("device found", "ip", res.IP, "itemtype", res.Report.ItemType)
		}
		if err != nil {
			return err
		}
		base += n
		r.tr.set(func(tp *api.TaskProgress) { tp.Done = base })
		if err := r.dir.saveCheckpoint(checkpoint{Swept: base, Found: found}); err != nil {
			r.log.Warn("cannot save the task's checkpoint", "err", err)
		}
	}
	return nil
}

func specs(addrs []netip.Addr) []string {
	out := make([]string, len(addrs))
	for i, a := range addrs {
		out[i] = a.String()
	}
	return out
}
