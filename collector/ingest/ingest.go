// Package ingest turns an inventory report into the park: decode (bounded
// decompression), validate, normalise, reconcile with the existing assets,
// then diff and write only what changed, in one transaction.
package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
)

// ErrForbidden is returned when a report reconciles onto an asset owned by
// another agent: a credential may only report for its own asset.
var ErrForbidden = errors.New("report is for an asset owned by another agent")

// Source says who sent a report.
type Source struct {
	// AgentID is the enrolled agent, 0 for a report without a Parc
	// credential (GLPI-compatible endpoint, imports).
	AgentID int64
	// ReportID is the agent's X-Parc-Report-Id, "" if none.
	ReportID string
	// Origin is stored as the asset's source: "agent", "glpi"...
	Origin string
	// AgentVersion is the agent's version, recorded with its last contact.
	AgentVersion string
	// Network marks the report of a network device (printer, switch,
	// unmanaged host) made by an SNMP task, the collector's own or an
	// agent's: the device is reconciled on its own identity (serial, MACs,
	// name) and never becomes the sending agent's asset.
	Network bool
	// TaskID is the network task (job run) the report answers, "" if none.
	TaskID string
}

// Result is the outcome of an accepted report.
type Result struct {
	AssetID   int64
	Created   bool // a new asset was created
	Duplicate bool // the report ID had already been stored; nothing was written
	// Response is the JSON answer for the agent (the stored one for a duplicate).
	Response []byte
}

// Ingester writes reports into a store.
type Ingester struct {
	st   store.Store
	norm *park.Normaliser
	log  *slog.Logger
	now  func() time.Time
	cpu  chan struct{} // see WithCPU
}

// New returns an Ingester. norm may be nil for the built-in dictionary.
func New(st store.Store, norm *park.Normaliser, log *slog.Logger) (*Ingester, error) {
	if norm == nil {
		var err error
		if norm, err = park.NewNormaliser(""); err != nil {
			return nil, err
		}
	}
	return &Ingester{st: st, norm: norm, log: log.With("component", "ingest"), now: time.Now, cpu: newCPUSlots()}, nil
}

// IngestJSON parses and validates a decoded report, then ingests it. A
// report that does not validate returns *inventory.ValidationError and
// nothing is stored.
func (in *Ingester) IngestJSON(ctx context.Context, src Source, data []byte) (Result, error) {
	rep, err := inventory.Parse(data)
	if err != nil {
		return Result{}, err
	}
	return in.Ingest(ctx, src, rep)
}

// maxAttempts bounds the retries of one report's transaction.
const maxAttempts = 5

// Ingest writes one validated report in one transaction. The result is
// returned only after the commit, so an acknowledged report is durable.
func (in *Ingester) Ingest(ctx context.Context, src Source, rep *inventory.Report) (Result, error) {
	var res Result
	now := in.now().UTC()
	var prep *prepared
	err := in.WithCPU(ctx, func() (err error) {
		prep, err = prepare(rep, in.norm)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	// A PostgreSQL deadlock or serialization failure against another
	// collector's transaction is retried whole (the writer is rebuilt each
	// time); SQLite has a single writer and never needs it.
	for attempt := 1; ; attempt++ {
		err = in.st.WithTx(ctx, func(q store.Queries) error {
			res = Result{}
			w := &writer{in: in, q: q, rep: rep, src: src, now: now, prep: prep}
			return w.run(ctx, &res)
		})
		if err == nil || attempt == maxAttempts || !store.IsRetryable(err) || ctx.Err() != nil {
			break
		}
		in.log.Debug("transaction lost a race; retrying", "attempt", attempt, "err", err)
	}
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

// writer carries the state of one report's transaction.
type writer struct {
	in    *Ingester
	q     store.Queries
	rep   *inventory.Report
	src   Source
	now   time.Time
	agent *store.Agent
	asset *store.Asset
	isNew bool
	hist  []store.HistoryEntry
	// hashes are the stored section hashes, loaded once per report.
	hashes map[string]string
	// prep is the report's database-free work, done before the transaction.
	prep *prepared
}

// sectionHashes returns the asset's stored section hashes (none for a new
// asset), querying them once per report.
func (w *writer) sectionHashes(ctx context.Context) (map[string]string, error) {
	if w.hashes != nil {
		return w.hashes, nil
	}
	if w.isNew {
		w.hashes = map[string]string{}
		return w.hashes, nil
	}
	h, err := w.q.SectionHashes(ctx, w.asset.ID)
	if err != nil {
		return nil, err
	}
	w.hashes = h
	return h, nil
}

func (w *writer) run(ctx context.Context, res *Result) error {
	if isNetReport(w.src, w.rep) {
		return w.runNet(ctx, res)
	}
	if w.src.AgentID != 0 {
		if err := w.q.LockAgent(ctx, w.src.AgentID); err != nil {
			return err
		}
		if w.src.ReportID != "" {
			pr, err := w.q.GetProcessedReport(ctx, w.src.AgentID, w.src.ReportID)
			if err == nil {
				return duplicate(pr, res)
			}
			if !errors.Is(err, store.ErrNotFound) {
				return err
			}
		}
		a, err := w.q.GetAgent(ctx, w.src.AgentID)
		if err != nil {
			return err
		}
		w.agent = a
	}
	if err := w.resolve(ctx); err != nil {
		return err
	}
	if err := w.applyFields(ctx); err != nil {
		return err
	}
	if err := w.applySections(ctx); err != nil {
		return err
	}
	if err := w.applySoftware(ctx); err != nil {
		return err
	}
	if err := w.applyMonitors(ctx); err != nil {
		return err
	}
	if err := w.q.AddHistory(ctx, w.hist); err != nil {
		return err
	}
	resp, err := json.Marshal(api.InventoryResponse{AssetID: strconv.FormatInt(w.asset.ID, 10)})
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	*res = Result{AssetID: w.asset.ID, Created: w.isNew, Response: resp}
	return w.finishAgent(ctx, resp)
}

func (w *writer) finishAgent(ctx context.Context, resp []byte) error {
	if w.agent == nil {
		return nil
	}
	if w.agent.AssetID != w.asset.ID {
		if err := w.q.SetAgentAsset(ctx, w.agent.ID, w.asset.ID); err != nil {
			return err
		}
	}
	if w.contactStale() {
		if err := w.q.TouchAgentContact(ctx, w.agent.ID, w.now, w.src.AgentVersion); err != nil {
			return err
		}
	}
	if !w.rep.Partial {
		if err := w.q.SetAgentLastFull(ctx, w.agent.ID, w.now); err != nil {
			return err
		}
	}
	if w.src.ReportID == "" {
		return nil
	}
	return w.q.PutProcessedReport(ctx, store.ProcessedReport{AgentID: w.agent.ID, ReportID: w.src.ReportID,
		AssetID: w.asset.ID, Response: string(resp), At: w.now})
}

// ContactPrecision is how stale an agent's recorded last contact may be:
// it is shown to the minute, and the agent calls contact before every
// report, so a write (and on SQLite a share of an fsync) per report buys
// nothing within that time.
const ContactPrecision = 5 * time.Minute

// contactStale says whether the agent's last contact or version must be
// written.
func (w *writer) contactStale() bool {
	a := w.agent
	return (w.src.AgentVersion != "" && a.Version != w.src.AgentVersion) || w.now.Sub(a.LastContactAt) >= ContactPrecision
}

// history queues a change row, unless the asset is new: a new asset gets a
// single "created" row rather than one per component.
func (w *writer) history(field, oldV, newV string) {
	if w.isNew {
		return
	}
	w.hist = append(w.hist, store.HistoryEntry{AssetID: w.asset.ID, Actor: store.ActorInventory,
		Field: field, OldValue: oldV, NewValue: newV, At: w.now})
}

// duplicate answers a resent report with the first answer, flagged
// duplicate.
func duplicate(pr *store.ProcessedReport, res *Result) error {
	var resp api.InventoryResponse
	if err := json.Unmarshal([]byte(pr.Response), &resp); err != nil {
		return fmt.Errorf("decode stored answer of report %s: %w", pr.ReportID, err)
	}
	resp.Duplicate = true
	data, err := json.Marshal(resp)
	if err != nil {
		return fmt.Errorf("encode answer: %w", err)
	}
	*res = Result{AssetID: pr.AssetID, Duplicate: true, Response: data}
	return nil
}
