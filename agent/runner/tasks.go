package runner

import (
	"context"
	"path/filepath"
	"sync"

	"github.com/parcproject/parc/agent/tasks"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// TasksDir is the subdirectory of the state directory that holds network
// tasks and their unsent reports.
const TasksDir = "tasks"

// newTasks builds the network task manager of an agent that may run them
// (network_tasks true and a collector to send to); nil otherwise.
func (r *Runner) newTasks() (*tasks.Manager, error) {
	if !r.cfg.NetworkTasks || r.client == nil {
		return nil, nil
	}
	return tasks.New(tasks.Options{
		Dir:       filepath.Join(r.store.Dir(), TasksDir),
		CacheFile: filepath.Join(r.store.Dir(), tasks.SysObjectIDsFile),
		Conn:      taskConn{r},
		Meta:      snmp.Meta{DeviceID: r.deviceID, VersionClient: VersionClient(), Tag: r.cfg.Tag},
		RetryMin:  r.cfg.RetryMin, RetryMax: r.cfg.RetryMax,
		SysObjectIDs: tasks.InstalledSysObjectIDs(),
		Logger:       r.log, Now: r.now,
	})
}

// runTasks runs the task manager until ctx ends; the returned function
// waits for it to stop.
func (r *Runner) runTasks(ctx context.Context) (wait func()) {
	if r.tasks == nil {
		return func() {}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.tasks.Run(ctx)
	}()
	return wg.Wait
}

// takeTasks hands a contact answer's network tasks to the manager. An
// agent with network_tasks false tells the collector so, once per task, so
// the job does not wait for it.
func (r *Runner) takeTasks(ctx context.Context, ts []api.Task) {
	if len(ts) == 0 {
		return
	}
	if r.tasks != nil {
		r.tasks.Submit(ts)
		return
	}
	for _, t := range ts {
		r.mu.Lock()
		if r.refusedTasks == nil {
			r.refusedTasks = map[string]bool{}
		}
		done := r.refusedTasks[t.ID]
		if !done && len(r.refusedTasks) < 1000 {
			r.refusedTasks[t.ID] = true
		}
		r.mu.Unlock()
		if done || t.ID == "" {
			continue
		}
		r.log.Warn("the collector gave a network task but network_tasks is false: refused", "task", t.ID, "kind", t.Kind)
		p := api.TaskProgress{Finished: true, Error: "network tasks are disabled on this agent (network_tasks: false)"}
		if err := (taskConn{r}).PostProgress(ctx, t.ID, p); err != nil {
			r.log.Warn("cannot tell the collector a task was refused", "task", t.ID, "err", err)
		}
	}
}

// taskConn is the collector for the task manager: the runner's client
// with its token, enrolling again when the token is refused.
type taskConn struct{ r *Runner }

// SendReport implements tasks.Conn.
func (c taskConn) SendReport(ctx context.Context, taskID, reportID string, gz []byte) (*api.InventoryResponse, error) {
	var resp *api.InventoryResponse
	err := c.r.withToken(ctx, func(token string) error {
		var err error
		resp, err = c.r.client.SendTaskReport(ctx, token, taskID, reportID, gz)
		return err
	})
	return resp, err
}

// PostProgress implements tasks.Conn.
func (c taskConn) PostProgress(ctx context.Context, taskID string, p api.TaskProgress) error {
	return c.r.withToken(ctx, func(token string) error {
		return c.r.client.PostTaskProgress(ctx, token, taskID, p)
	})
}

// SysObjectIDs implements tasks.Conn.
func (c taskConn) SysObjectIDs(ctx context.Context, etag string) (*api.SysObjectIDs, error) {
	var res *api.SysObjectIDs
	err := c.r.withToken(ctx, func(token string) error {
		var err error
		res, err = c.r.client.SysObjectIDs(ctx, token, etag)
		return err
	})
	return res, err
}
