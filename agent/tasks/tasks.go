// Package tasks runs the network tasks a collector gives an agent that
// serves a remote site: SNMP discovery of address ranges and SNMP
// inventory of printers and switches, with pkg/snmp. Each device found
// becomes one GLPI native inventory report, spooled before it is sent, so
// a collector outage or an agent restart loses nothing.
//
// Layout of the tasks directory (inside the agent's state directory):
//
//	tasks/<seq>-<hex task ID>/task.json      the task, kept until it ends (it
//	                                         holds SNMP credentials: 0600)
//	tasks/<seq>-<hex task ID>/*.json.gz      device reports not yet delivered
//	                                         (an agent/spool directory)
//	tasks/<seq>-<hex task ID>/finished.json  the last progress, posted once
//	                                         every report has been delivered
//	tasks/history.json                       recent tasks, for the status page
//
// Tasks run one at a time, in the order they were given. A task the agent
// was running when it stopped runs again from the start at the next start
// (its reports already spooled are still sent); after maxAttempts starts it
// is ended with an error so that a task which crashes the agent cannot
// loop forever.
package tasks

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// Conn is the collector as the tasks see it; the runner implements it
// with its client and token.
type Conn interface {
	// SendReport posts one device report (gzip JSON) of task taskID.
	SendReport(ctx context.Context, taskID, reportID string, gz []byte) (*api.InventoryResponse, error)
	// PostProgress posts a task's progress.
	PostProgress(ctx context.Context, taskID string, p api.TaskProgress) error
	// SysObjectIDs downloads the collector's sysobject.ids (see
	// api.Client.SysObjectIDs).
	SysObjectIDs(ctx context.Context, etag string) (*api.SysObjectIDs, error)
}

// Options configures a Manager.
type Options struct {
	// Dir is the tasks directory, e.g. "<state_dir>/tasks".
	Dir string
	// Conn reaches the collector.
	Conn Conn
	// Meta stamps the reports: the agent's device ID, version and tag.
	Meta snmp.Meta
	// RetryMin and RetryMax bound the backoff of resends.
	RetryMin, RetryMax time.Duration
	// MaxBytes bounds the unsent reports of one task; 0 means 256 MiB.
	MaxBytes int64
	// CacheFile is where the collector's sysobject.ids is kept, e.g.
	// "<state_dir>/sysobject.ids"; "" means Dir/sysobject.ids.
	CacheFile string
	// SysObjectIDs are installed copies of sysobject.ids, tried in order
	// when the collector has none to give (InstalledSysObjectIDs).
	SysObjectIDs []string
	// Probe returns, for each chunk of a sweep, what tells a host without
	// SNMP is there; nil means the OS neighbour table, then a TCP connect
	// to a few common ports.
	Probe func() snmp.Probe
	// ProgressEvery spaces progress posts; 0 means 2 seconds.
	ProgressEvery time.Duration
	Logger        *slog.Logger
	Now           func() time.Time
}

// maxAttempts is how many times a task is started before an agent that
// keeps stopping during it gives up.
const maxAttempts = 3

// maxQueued bounds the tasks waiting to run; a collector that gives more
// is told so in each extra task's progress.
const maxQueued = 100

// Manager queues, runs and delivers network tasks. Create it with New and
// run it with Run.
type Manager struct {
	opts Options
	log  *slog.Logger

	wake    chan struct{} // a task was queued
	send    chan struct{} // something was spooled or finished
	backoff spool.Backoff

	mu      sync.Mutex
	queue   []*job
	running *job
	dirs    map[string]*taskDir // by hex task ID: every task with a directory
	seq     uint64
	hist    *history
	db      dbCache
}

// New opens the tasks directory. Tasks that were running or queued when
// the agent stopped are queued again, and tasks that ended are delivered
// by Run.
func New(opts Options) (*Manager, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 256 << 20
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 2 * time.Second
	}
	if opts.Probe == nil {
		opts.Probe = func() snmp.Probe { return snmp.Probes{&snmp.ARPProbe{}, snmp.TCPProbe{}} }
	}
	if opts.CacheFile == "" {
		opts.CacheFile = filepath.Join(opts.Dir, SysObjectIDsFile)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	m := &Manager{
		opts: opts, log: opts.Logger.With("component", "tasks"),
		wake: make(chan struct{}, 1), send: make(chan struct{}, 1),
		backoff: spool.Backoff{Min: opts.RetryMin, Max: opts.RetryMax},
		dirs:    map[string]*taskDir{},
	}
	if err := m.recover(); err != nil {
		return nil, err
	}
	return m, nil
}

// Run runs queued tasks one at a time and delivers their reports until
// ctx is cancelled. A task cut short by the cancellation runs again at the
// next start.
func (m *Manager) Run(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		m.sendLoop(ctx)
	}()
	m.poke(m.send)
	for {
		j := m.next()
		if j == nil {
			select {
			case <-ctx.Done():
				wg.Wait()
				return
			case <-m.wake:
				continue
			}
		}
		m.execute(ctx, j)
		m.poke(m.send)
		if ctx.Err() != nil {
			wg.Wait()
			return
		}
	}
}

// next takes the oldest queued task and marks it running.
func (m *Manager) next() *job {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.queue) == 0 {
		return nil
	}
	j := m.queue[0]
	m.queue = m.queue[1:]
	m.running = j
	return j
}

func (m *Manager) poke(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}
