package status

import (
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/agent/tasks"
)

// TestPageTasks shows the recent network tasks, their state and error in
// both languages, escaped.
func TestPageTasks(t *testing.T) {
	src, _, ts := newTest(t)
	src.mu.Lock()
	src.snap.TaskReports = 3
	src.snap.Tasks = []tasks.Record{
		{ID: "42", Kind: "netdiscovery", State: tasks.StateRunning, Started: time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local),
			Done: 120, Total: 254, Found: 4},
		{ID: "41", Kind: "netinventory", State: tasks.StateFailed, Ended: time.Date(2026, 11, 22, 18, 30, 0, 0, time.Local),
			Done: 2, Total: 2, Error: "no device could be inventoried: <b>10.0.0.5</b>: no answer"},
	}
	src.mu.Unlock()
	tests := []struct {
		lang string
		want []string
	}{
		{"en", []string{"Network tasks (SNMP)", "42 (discovery)", "running", "120/254 hosts, 4 found", "2026-11-23 09:00:00",
			"41 (inventory)", "failed", "2026-11-22 18:30:00", "&lt;b&gt;10.0.0.5&lt;/b&gt;", "Device reports of network tasks waiting to be sent</th><td>3 report(s)"}},
		{"fr", []string{"Tâches réseau (SNMP)", "42 (découverte)", "en cours", "120/254 hôtes, 4 trouvé(s)", "41 (inventaire)", "en échec"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			_, body := get(t, ts.URL+"/", map[string]string{"Accept-Language": tt.lang})
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if strings.Contains(body, "<b>10.0.0.5") {
				t.Error("a task error is not escaped")
			}
		})
	}
}

// TestMessagesSameKeys keeps the page's French and English in step.
func TestMessagesSameKeys(t *testing.T) {
	for k := range messages["en"] {
		if _, ok := messages["fr"][k]; !ok {
			t.Errorf("fr lacks %q", k)
		}
	}
	for k := range messages["fr"] {
		if _, ok := messages["en"][k]; !ok {
			t.Errorf("en lacks %q", k)
		}
	}
}
