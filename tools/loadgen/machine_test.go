package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

func testPark(t testing.TB, n int) *Park {
	t.Helper()
	p, err := NewPark(42, n)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestReportsValidate checks full and partial reports of a varied park
// against the upstream JSON schema and Parc's own validation.
func TestReportsValidate(t *testing.T) {
	p := testPark(t, 60)
	for i := range p.Len() {
		m := p.Machine(i)
		full, err := m.FullReport()
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.ValidateValue(full); err != nil {
			t.Fatalf("%s full report: %v", m.Host, err)
		}
		if err := full.Validate(); err != nil {
			t.Fatalf("%s full report: %v", m.Host, err)
		}
		for range 3 {
			part, err := m.PartialReport(50)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.ValidateValue(part); err != nil {
				t.Fatalf("%s partial report: %v", m.Host, err)
			}
			if !part.Partial || part.Content.Hardware == nil || part.Content.Drives == nil {
				t.Fatalf("%s partial: got partial=%v hardware=%v drives=%d; want identity and drives",
					m.Host, part.Partial, part.Content.Hardware != nil, len(part.Content.Drives))
			}
		}
	}
}

// TestParkIsVaried checks what the brief promises of the park: about 150
// programs per PC, town hall names, both systems, several makers, and
// identifiers that reconciliation matches on unique to each machine.
func TestParkIsVaried(t *testing.T) {
	const n = 400
	p := testPark(t, n)
	serials, macs, names := map[string]int{}, map[string]int{}, map[string]int{}
	makers, systems := map[string]int{}, map[string]int{}
	sw, swBy := 0, map[string]int{}
	for i := range n {
		m := p.Machine(i)
		c := m.Full.Content
		sw += len(c.Softwares)
		swBy[c.OperatingSystem.Name] += len(c.Softwares)
		names[m.Host]++
		serials[c.Bios.SSN]++
		makers[c.Bios.SManufacturer]++
		systems[c.OperatingSystem.Name]++
		for _, mon := range c.Monitors {
			serials[mon.Serial]++
		}
		for _, nic := range c.Networks {
			if nic.MAC != "" && !park.IsVirtualNIC(nic.Description, nic.MAC, nic.VirtualDev != nil && *nic.VirtualDev) {
				macs[nic.MAC]++
			}
		}
		if !strings.HasPrefix(m.Host, "PC-") && !strings.HasPrefix(m.Host, "LAPTOP-") {
			t.Errorf("host %q; want PC-SERVICE-NNN or LAPTOP-SERVICE-NNN", m.Host)
		}
	}
	t.Logf("programs: %d in all; by system %v; PCs by system %v", sw, swBy, systems)
	if avg := sw / n; avg < 120 || avg > 180 {
		t.Errorf("got %d programs per PC on average; want about 150", avg)
	}
	for what, m := range map[string]map[string]int{"serial": serials, "MAC": macs, "host name": names} {
		for v, c := range m {
			if c > 1 {
				t.Errorf("%s %q used by %d machines; want unique", what, v, c)
			}
		}
	}
	if len(makers) != 3 || systems["Windows"] == 0 || systems["Debian"] == 0 {
		t.Errorf("got makers %v, systems %v; want Dell, HP and Lenovo, Windows and Debian", makers, systems)
	}
}

// TestDeterministic checks a seed gives the same reports.
func TestDeterministic(t *testing.T) {
	enc := func() string {
		m := testPark(t, 5).Machine(4)
		full, err := m.FullReport()
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(full)
		part, err := m.PartialReport(100)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(part)
		return string(a) + string(b)
	}
	if a, b := enc(), enc(); a != b {
		t.Errorf("two runs with seed 42 differ; want the same reports")
	}
}
