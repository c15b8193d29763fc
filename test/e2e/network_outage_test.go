package e2e

import (
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// TestNetworkTaskSurvivesCollectorOutage kills the collector while the
// agent sweeps the site: the agent finishes the sweep, keeps the reports
// and the end of the task in its spool while the collector is down, and
// delivers them once it is back, so the run still ends with both devices
// in the park.
func TestNetworkTaskSurvivesCollectorOutage(t *testing.T) {
	rs := newRemoteSite(t)
	// A wrong community first: the simulator ignores it, so each device
	// costs one 3 s timeout before the right one is used, long enough to
	// kill the collector during the sweep.
	runID := rs.runJob(t, 3000, rs.wrong, rs.public)
	rs.waitRun(t, "the agent to take the task", runID, func(r *store.SNMPRun) bool { return r.State == store.SNMPRunRunning })
	rs.col.kill()

	var st agentStatus
	waitUntil(t, "the sweep's end with the collector down", time.Minute, func() bool {
		st = rs.agentStatus()
		return len(st.Tasks) > 0 && st.Tasks[0].State == "finished"
	}, rs.agent)
	if st.Tasks[0].Kind != "netdiscovery" || st.Tasks[0].Delivered || st.TaskReports != 2 {
		t.Fatalf("got %+v; want the discovery finished, its 2 reports waiting", st)
	}

	rs.col = startCollector(t, rs.data, rs.listen)
	run := rs.waitRun(t, "the run's end after the outage", runID, func(r *store.SNMPRun) bool { return r.Finished() })
	rs.checkImported(t, run)
	if st := rs.agentStatus(); st.TaskReports != 0 {
		t.Errorf("got %d reports still waiting; want none", st.TaskReports)
	}
}
