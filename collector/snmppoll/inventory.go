package snmppoll

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/snmp"
)

// inventoryWorkers bounds the devices read at once after a sweep: a full
// inventory walks whole tables, and a switch answers one request at a time.
const inventoryWorkers = 8

// inventoryAll reads each device in full and records it.
func (s *Service) inventoryAll(ctx context.Context, run *store.SNMPRun, j *store.SNMPJob, creds []snmp.Credential,
	devices []snmp.Result, db *snmp.SysObjectDB, sess snmp.Options, c *counters) error {
	work := make(chan snmp.Result)
	var wg sync.WaitGroup
	for range min(inventoryWorkers, len(devices)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range work {
				cred := creds[d.Credential]
				rep, err := s.inventoryOne(ctx, d.IP, cred, db, sess, j.ID)
				if err != nil && ctx.Err() != nil {
					continue // interrupted: the run starts over, record nothing
				}
				res := &store.SNMPResult{RunID: run.ID, IP: d.IP, Type: d.Identity.Type, Name: d.Identity.Name, CredentialID: cred.ID}
				if err != nil {
					res.Status, res.Reason = store.SNMPFailed, err.Error()
				}
				if rerr := s.record(ctx, res, rep, j.AutoImport); rerr != nil && ctx.Err() == nil {
					s.log.Error("record SNMP result", "snmp_run_id", run.ID, "ip", d.IP, "err", rerr)
				}
				c.done.Add(1)
			}
		}()
	}
feed:
	for _, d := range devices {
		select {
		case work <- d:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	return ctx.Err()
}

func (s *Service) inventoryOne(ctx context.Context, ip string, cred snmp.Credential, db *snmp.SysObjectDB, opts snmp.Options, jobID int64) (*inventory.Report, error) {
	sess, err := snmp.Dial(ctx, ip, cred, opts)
	if err != nil {
		return nil, err
	}
	defer sess.Close()
	dev, err := snmp.Inventory(ctx, sess, snmp.InventoryOptions{DB: db, Meta: s.meta(jobID)})
	if err != nil {
		return nil, fmt.Errorf("inventory: %w", err)
	}
	return dev.Report, nil
}

// record stores a result: imported into the park when autoImport holds
// and the import succeeds, otherwise kept (report included) for a
// technician to import.
func (s *Service) record(ctx context.Context, res *store.SNMPResult, rep *inventory.Report, autoImport bool) error {
	if rep != nil {
		data, err := json.Marshal(rep)
		if err != nil {
			return err
		}
		res.Report, res.Status = string(data), store.SNMPUnmanaged
		if autoImport {
			assetID, err := s.ingest(ctx, res.RunID, rep)
			if err != nil {
				res.Reason = "automatic import failed: " + err.Error()
			} else {
				res.Status, res.AssetID, res.Report = store.SNMPImported, assetID, ""
			}
		}
	}
	return s.q.PutSNMPResult(ctx, res)
}

// ingest imports a network device's report into the park.
func (s *Service) ingest(ctx context.Context, runID int64, rep *inventory.Report) (int64, error) {
	r, err := s.ing.Ingest(ctx, ingest.Source{Origin: "snmp", Network: true, TaskID: strconv.FormatInt(runID, 10)}, rep)
	if err != nil {
		return 0, err
	}
	return r.AssetID, nil
}

// ErrNothingToImport is returned when a result is already imported or has
// no report to import.
var ErrNothingToImport = errors.New("this device has no report waiting for import")

// ImportResult imports a result a technician chose, and returns the asset.
func (s *Service) ImportResult(ctx context.Context, resultID int64) (int64, error) {
	res, err := s.q.GetSNMPResult(ctx, resultID)
	if err != nil {
		return 0, err
	}
	if res.Status != store.SNMPUnmanaged || res.Report == "" {
		return 0, ErrNothingToImport
	}
	rep, err := inventory.Parse([]byte(res.Report))
	if err != nil {
		return 0, fmt.Errorf("stored report of %s: %w", res.IP, err)
	}
	assetID, err := s.ingest(ctx, res.RunID, rep)
	if err != nil {
		return 0, err
	}
	if err := s.q.MarkSNMPResultImported(ctx, resultID, assetID); err != nil {
		return 0, err
	}
	s.log.Info("SNMP device imported", "snmp_result_id", resultID, "ip", res.IP, "asset_id", assetID)
	return assetID, nil
}
