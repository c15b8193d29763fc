package tasks

import (
	"slices"
	"strings"
	"testing"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/snmp"
)

func TestValidate(t *testing.T) {
	good := api.Task{ID: "1", Kind: api.TaskNetDiscovery, Targets: []string{"10.0.0.0/24"},
		Credentials: []snmp.Credential{{Version: "2c", Community: "public"}}}
	tests := []struct {
		name  string
		tweak func(*api.Task)
		want  string // error prefix; "" means valid
	}{
		{"good", func(*api.Task) {}, ""},
		{"inventory of hosts", func(t *api.Task) {
			t.Kind, t.Targets = api.TaskNetInventory, []string{"10.0.0.5:1161", "sw-core-1.example.org"}
		}, ""},
		{"no id", func(t *api.Task) { t.ID = "" }, "id: "},
		{"long id", func(t *api.Task) { t.ID = strings.Repeat("x", 101) }, "id: "},
		{"kind", func(t *api.Task) { t.Kind = "deploy" }, "kind: "},
		{"no target", func(t *api.Task) { t.Targets = nil }, "targets: "},
		{"bad range", func(t *api.Task) { t.Targets = []string{"10.0.0.0/33"} }, "targets: "},
		{"bad host", func(t *api.Task) { t.Kind, t.Targets = api.TaskNetInventory, []string{"sw core"} }, "targets: "},
		{"no credential", func(t *api.Task) { t.Credentials = nil }, "credentials: "},
		{"bad credential", func(t *api.Task) { t.Credentials[0].Community = "" }, "credentials[0]: "},
		{"port", func(t *api.Task) { t.Port = 70000 }, "port: "},
		{"timeout", func(t *api.Task) { t.TimeoutMillis = -1 }, "timeout_ms: "},
		{"retries", func(t *api.Task) { t.Retries = 11 }, "retries: "},
		{"workers", func(t *api.Task) { t.Workers = 5000 }, "workers: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			task := good
			task.Credentials = slices.Clone(good.Credentials)
			tt.tweak(&task)
			err := Validate(task)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("got %v; want valid", err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Errorf("got %v; want an error starting %q", err, tt.want)
			}
		})
	}
}

func TestInventoryHosts(t *testing.T) {
	got, err := inventoryHosts([]string{"10.0.0.5", "10.0.0.6:1161", "[2001:db8::5]:161", "printer-2.mairie.local",
		"10.0.1.1-10.0.1.3", "10.0.2.0/30"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10.0.0.5", "10.0.0.6:1161", "[2001:db8::5]:161", "printer-2.mairie.local",
		"10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.2.1", "10.0.2.2"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q; want %q", got, want)
	}
	for _, bad := range []string{"", "a b", "-sw", "sw:", "sw:123456", "10.0.0.0/8/2", "host..local"} {
		if _, err := inventoryHosts([]string{bad}); err == nil {
			t.Errorf("%q: got no error; want one", bad)
		}
	}
}

// FuzzInventoryHosts: any target list is accepted or refused, never a
// panic, and what is accepted is bounded.
func FuzzInventoryHosts(f *testing.F) {
	for _, s := range []string{"10.0.0.5", "10.0.0.6:1161", "[2001:db8::5]:161", "sw-1.example.org:161",
		"10.0.1.1-10.0.1.3", "10.0.2.0/30", "::1", "a-", "1.2.3.4-", "10.0.0.0/8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		hosts, err := inventoryHosts(strings.Split(s, ","))
		if err == nil && len(hosts) > maxInventoryHosts {
			t.Errorf("got %d hosts; want at most %d", len(hosts), maxInventoryHosts)
		}
	})
}

func TestAddressFirst(t *testing.T) {
	tests := []struct {
		host string
		ips  []string
		want []string
	}{
		{"10.0.0.5", nil, []string{"10.0.0.5"}},
		{"10.0.0.5:1161", []string{"192.168.1.2", "10.0.0.5"}, []string{"10.0.0.5", "192.168.1.2"}},
		{"[2001:db8::5]:161", []string{"10.1.1.1"}, []string{"2001:db8::5", "10.1.1.1"}},
		{"sw-1.example.org:161", nil, []string{"sw-1.example.org"}},
	}
	for _, tt := range tests {
		dev := &snmp.Device{Report: &inventory.Report{Content: inventory.Content{NetworkDevice: &inventory.NetworkDevice{IPs: tt.ips}}}}
		addressFirst(dev, tt.host)
		if got := dev.Report.Content.NetworkDevice.IPs; !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q; want %q", tt.host, got, tt.want)
		}
	}
}
