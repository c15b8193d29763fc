package snmppoll

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/snmp"
	"github.com/parcproject/parc/pkg/version"
)

// KindRun is the job kind of a discovery run done by this collector; its
// payload is runPayload.
const KindRun = "snmp.run"

// runPayload names the job, and the run when it was created beforehand
// ("run now"); a scheduled occurrence creates its run when it starts.
type runPayload struct {
	JobID int64 `json:"job_id"`
	RunID int64 `json:"run_id,omitempty"`
}

// ErrForbidden is returned when an agent touches a task that is not its own.
var ErrForbidden = errors.New("this task belongs to another agent")

// ErrNotRunning is returned for progress or reports of a task that is not
// running (finished, or not handed out yet).
var ErrNotRunning = errors.New("this task is not running")

// ErrInvalid is wrapped by errors about a malformed progress or report.
var ErrInvalid = errors.New("invalid")

// Options configure a Service.
type Options struct {
	// DataDir holds the administrator's copy of sysobject.ids.
	DataDir string
	// SysObjectIDs is the configured sysobject.ids, used when the data
	// directory has none (see SysObjectPath).
	SysObjectIDs string
	// Key seals the credentials' secrets (see LoadKey).
	Key []byte
	// DeviceID stamps the reports this collector makes; default
	// "parc-collector-HOSTNAME".
	DeviceID string
	// ARPTable is the OS neighbour table: hosts there that answer no SNMP
	// are listed as unmanaged. Default /proc/net/arp.
	ARPTable string
	// Wake, when set, is called after a run is queued for this collector
	// (the serve command wakes its job worker with it).
	Wake func()
	// Now replaces time.Now in tests.
	Now func() time.Time
}

// Service manages credentials, jobs and runs.
type Service struct {
	st   store.Store
	q    store.SNMPQueries
	jq   store.JobQueries
	ing  *ingest.Ingester
	seal *Sealer
	log  *slog.Logger
	opts Options
	// local caches the hash of the data directory's sysobject.ids.
	local localSum
}

// New returns the service on st; ing imports devices into the park.
func New(st store.Store, ing *ingest.Ingester, log *slog.Logger, opts Options) (*Service, error) {
	q, err := store.SNMP(st)
	if err != nil {
		return nil, err
	}
	jq, err := store.Jobs(st)
	if err != nil {
		return nil, err
	}
	seal, err := NewSealer(opts.Key)
	if err != nil {
		return nil, err
	}
	if opts.DeviceID == "" {
		host, _ := os.Hostname()
		opts.DeviceID = "parc-collector-" + host
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{st: st, q: q, jq: jq, ing: ing, seal: seal, log: log.With("component", "snmppoll"), opts: opts}, nil
}

// Register makes w run this collector's discovery runs.
func (s *Service) Register(w *jobs.Worker) { w.Handle(KindRun, s.handleRun) }

func (s *Service) now() time.Time { return s.opts.Now().UTC() }

// scheduleName is the job queue schedule of a discovery job.
func scheduleName(jobID int64) string { return "snmp.job:" + strconv.FormatInt(jobID, 10) }

// meta stamps this collector's reports for job.
func (s *Service) meta(jobID int64) snmp.Meta {
	return snmp.Meta{DeviceID: s.opts.DeviceID, VersionClient: "Parc-Collector_v" + version.Version, JobID: jobID}
}

// sysObjectDB loads sysobject.ids at each run, so an administrator's
// update applies to the next run without a restart. A missing file is not
// an error: identification then relies on sysDescr and MIB probing.
func (s *Service) sysObjectDB() *snmp.SysObjectDB {
	if err := s.SyncSysObjectIDs(context.Background()); err != nil {
		s.log.Warn("sysobject.ids not synchronised from the database; using this collector's copy", "err", err)
	}
	path := SysObjectPath(s.opts.DataDir, s.opts.SysObjectIDs)
	if path == "" {
		s.log.Warn("no sysobject.ids found; devices are identified by sysDescr and MIB probing only",
			"data", s.opts.DataDir, "configured", s.opts.SysObjectIDs, "installed", InstalledSysObjectIDs())
		return nil
	}
	db, err := snmp.LoadSysObjectIDs(path)
	if err != nil {
		s.log.Warn("sysobject.ids unreadable; identifying without it", "path", path, "err", err)
		return nil
	}
	return db
}

// GetJob returns a job with its credentials.
func (s *Service) GetJob(ctx context.Context, id int64) (*store.SNMPJob, error) {
	return s.q.GetSNMPJob(ctx, id)
}

// Jobs lists the jobs.
func (s *Service) Jobs(ctx context.Context) ([]store.SNMPJob, error) { return s.q.ListSNMPJobs(ctx) }

// Runs lists the newest limit runs of job (0 for all).
func (s *Service) Runs(ctx context.Context, jobID int64, limit int) ([]store.SNMPRun, error) {
	return s.q.ListSNMPRuns(ctx, jobID, limit)
}

// Run returns a run.
func (s *Service) Run(ctx context.Context, id int64) (*store.SNMPRun, error) {
	return s.q.GetSNMPRun(ctx, id)
}

// Results lists a run's results.
func (s *Service) Results(ctx context.Context, runID int64) ([]store.SNMPResult, error) {
	return s.q.ListSNMPResults(ctx, runID)
}

// Result returns one result.
func (s *Service) Result(ctx context.Context, id int64) (*store.SNMPResult, error) {
	return s.q.GetSNMPResult(ctx, id)
}
