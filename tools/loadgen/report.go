package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// reportEvery is the simulated time between two reports of one machine.
const reportEvery = 4 * time.Hour

// collectorNames are the collectors the agent runs on each system, for
// content.parc.collectors.
var collectorNames = map[bool][]string{
	true: {"antivirus", "bios", "cpus", "drives", "firewall", "hardware", "hotfixes", "memories", "monitors",
		"networks", "os", "softwares_registry", "storages", "users", "videos"},
	false: {"bios", "cpus", "drives", "hardware", "memories", "monitors", "networks", "os", "softwares_dpkg",
		"storages", "users", "videos"},
}

// stamp dates the next report and refreshes its metadata: access log,
// collector runs and section checksums, as the agent does. changed names
// the sections that changed since the last report: only their checksums
// are computed again.
func (m *Machine) stamp(c *inventory.Content, changed map[string]any) error {
	at := epoch.Add(time.Duration(m.reports) * reportEvery)
	m.reports++
	c.AccessLog = &inventory.AccessLog{LogDate: at.Format("2006-01-02 15:04:05"), UserID: "SYSTEM"}
	if m.sums == nil {
		sums, err := checksums(&m.Full.Content)
		if err != nil {
			return err
		}
		m.sums = sums
	}
	for name, v := range changed {
		data, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("encode %s: %w", name, err)
		}
		sum := sha256.Sum256(data)
		m.sums[name] = hex.EncodeToString(sum[:])
	}
	sums := make(map[string]string, len(m.sums))
	maps.Copy(sums, m.sums)
	parc := &inventory.ParcExtension{SchemaVersion: inventory.SchemaVersion, Checksums: sums}
	for _, name := range collectorNames[m.Windows] {
		parc.Collectors = append(parc.Collectors, inventory.CollectorRun{Name: name,
			DurationMS: float64(1+m.rnd.IntN(4000)) / 10})
	}
	c.Parc = parc
	return nil
}

// FullReport returns the machine's current full inventory.
func (m *Machine) FullReport() (*inventory.Report, error) {
	if err := m.stamp(&m.Full.Content, nil); err != nil {
		return nil, err
	}
	return m.Full, nil
}

// PartialReport moves the machine on by one reporting period (free space
// changes; with probability swChangePct percent, a few programs change)
// and returns the partial report an agent sends: the identity sections,
// the volumes and, when they changed, the programs.
func (m *Machine) PartialReport(swChangePct int) (*inventory.Report, error) {
	at := epoch.Add(time.Duration(m.reports) * reportEvery)
	full := &m.Full.Content
	for i := range full.Drives {
		d := &full.Drives[i]
		if d.Total < 1000 {
			continue
		}
		delta := int64(m.rnd.IntN(2001)) - 1200 // MiB, drifting towards full
		d.Free = min(max(d.Free+delta, d.Total/50), d.Total)
	}
	swChanged := m.rnd.IntN(100) < swChangePct && m.changeSoftware(at)
	if swChanged {
		full.Softwares = m.softwares()
	}
	p := &inventory.Report{Action: m.Full.Action, DeviceID: m.DeviceID, ItemType: m.Full.ItemType, Partial: true}
	c := &p.Content
	c.VersionClient, c.VersionProvider = full.VersionClient, full.VersionProvider
	c.Hardware, c.Bios = full.Hardware, full.Bios
	c.Drives = append([]inventory.Drive(nil), full.Drives...)
	changed := map[string]any{"drives": full.Drives}
	if swChanged {
		c.Softwares = full.Softwares
		changed["softwares"] = full.Softwares
	}
	if err := m.stamp(c, changed); err != nil {
		return nil, err
	}
	return p, nil
}

// checksums are the SHA-256 of each section's JSON, the agent's
// content.parc.checksums.
func checksums(c *inventory.Content) (map[string]string, error) {
	saved := *c
	saved.AccessLog, saved.Parc, saved.VersionProvider = nil, nil, nil
	data, err := json.Marshal(&saved)
	if err != nil {
		return nil, fmt.Errorf("encode content: %w", err)
	}
	var secs map[string]json.RawMessage
	if err := json.Unmarshal(data, &secs); err != nil {
		return nil, fmt.Errorf("split content: %w", err)
	}
	delete(secs, "versionclient")
	out := make(map[string]string, len(secs))
	for k, raw := range secs {
		sum := sha256.Sum256(raw)
		out[k] = hex.EncodeToString(sum[:])
	}
	return out, nil
}
