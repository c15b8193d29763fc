package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
)

// isNetReport tells a report about a network device (printer, switch,
// unmanaged host) from a computer's: it comes from an SNMP task, or it
// carries a network_device section and no hardware section, as GLPI
// Agent's netdiscovery and netinventory results do.
func isNetReport(src Source, rep *inventory.Report) bool {
	if src.Network {
		return true
	}
	c := &rep.Content
	return c.NetworkDevice != nil && c.Hardware == nil && c.Bios == nil
}

// runNet writes a network device's report. The report's deviceid is the
// task runner's (every report of a job shares it), so it is never used to
// find the device, and the sending agent never becomes the device's owner.
func (w *writer) runNet(ctx context.Context, res *Result) error {
	if w.src.AgentID != 0 {
		if done, err := w.netDuplicate(ctx, res); done || err != nil {
			return err
		}
	}
	n := &netWriter{writer: w, id: netIdentityOf(w.rep)}
	if err := n.resolve(ctx); err != nil {
		return err
	}
	if !n.readOnly {
		if err := n.apply(ctx); err != nil {
			return err
		}
	}
	resp, err := json.Marshal(api.InventoryResponse{AssetID: strconv.FormatInt(w.asset.ID, 10)})
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	*res = Result{AssetID: w.asset.ID, Created: w.isNew, Response: resp}
	return n.finishAgent(ctx, resp)
}

// netDuplicate answers a network report an agent resends with its first
// answer.
func (w *writer) netDuplicate(ctx context.Context, res *Result) (bool, error) {
	if err := w.q.LockAgent(ctx, w.src.AgentID); err != nil {
		return false, err
	}
	a, err := w.q.GetAgent(ctx, w.src.AgentID)
	if err != nil {
		return false, err
	}
	w.agent = a
	if w.src.ReportID == "" {
		return false, nil
	}
	pr, err := w.q.GetProcessedReport(ctx, w.src.AgentID, w.src.ReportID)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, duplicate(pr, res)
}

// netWriter is the state of one network report's transaction.
type netWriter struct {
	*writer
	id netIdentity
	// readOnly is set when the report matched an asset it must not
	// change: a computer with its own agent, or a better-known device
	// seen again as an unmanaged host.
	readOnly bool
	net      store.NetQueries
}

// apply writes the device's fields, then for a full inventory its
// sections, ports and printer data, and the history rows.
func (n *netWriter) apply(ctx context.Context) error {
	nq, err := store.Net(n.q)
	if err != nil {
		return err
	}
	n.net = nq
	discovery := n.rep.Action == inventory.ActionNetDiscovery
	if err := n.applyFields(ctx, discovery); err != nil {
		return err
	}
	if !discovery {
		if err := n.applyNetSections(ctx); err != nil {
			return err
		}
		if err := n.applyPorts(ctx); err != nil {
			return err
		}
		if err := n.applyPrinter(ctx); err != nil {
			return err
		}
	}
	return n.q.AddHistory(ctx, n.hist)
}

// applyNetSections stores the sections kept as components (network_device,
// network_components, firmwares...). Ports, counters and cartridges have
// tables of their own: a port's byte counters change at every report and
// would rewrite every port's component each time.
func (n *netWriter) applyNetSections(ctx context.Context) error {
	full := n.rep
	stripped := *full
	stripped.Content.NetworkPorts = nil
	stripped.Content.PageCounters = nil
	stripped.Content.Cartridges = nil
	n.rep = &stripped
	defer func() { n.rep = full }()
	return n.applySections(ctx)
}

// finishAgent records the sending agent's contact and the report ID,
// without ever making the device the agent's own asset.
func (n *netWriter) finishAgent(ctx context.Context, resp []byte) error {
	if n.agent == nil {
		return nil
	}
	if err := n.q.TouchAgentContact(ctx, n.agent.ID, n.now, n.src.AgentVersion); err != nil {
		return err
	}
	if n.src.ReportID == "" {
		return nil
	}
	return n.q.PutProcessedReport(ctx, store.ProcessedReport{AgentID: n.agent.ID, ReportID: n.src.ReportID,
		AssetID: n.asset.ID, Response: string(resp), At: n.now})
}
