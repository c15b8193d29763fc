// Package snmppolltest starts a small simulated site for discovery tests:
// a printer and a switch answering the community "public" on two loopback
// addresses, served by a real snmpsimd from the shared fixture walks.
package snmppolltest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/parcproject/parc/pkg/snmp/snmptest"
)

// Walks is the shared fixtures' folder of SNMP walks, relative to a test
// of a package two levels below the repository root (collector/web,
// collector/snmppoll).
const Walks = "../../../shared/fixtures/snmp-walks"

// Community is the community both devices answer.
const Community = "public"

// Site is the simulated site.
type Site struct {
	Printer, Switch string // IP addresses
	Range           string // a CIDR range holding both, with silent addresses
	Port            int    // the UDP port every device listens on
	// AccessSwitch is an HP ProCurve outside Range whose default context
	// has a MAC address table (the Catalyst learns its MACs per VLAN
	// context, which snmpsimd does not serve): a job that also targets it
	// links PCs to its ports.
	AccessSwitch string
}

// AccessPC is a MAC the access switch learnt on its port 12, untagged in
// VLAN 71 ("VLAN71"), alone on that port.
const AccessPC = "10:60:4b:b4:dc:e8"

// AccessPort is the name of the access switch's port where AccessPC sits.
const AccessPort = "12"

// devices are the walks of the site, in endpoint order.
var devices = []string{"librenms/brother.snmprec", "snmpsim-data/cisco-c3560.snmprec",
	"snmpsim-data/hpe-procurve-516733-b21.snmprec"}

// Start serves the site on 127.0.3.10 (a Brother printer) and 127.0.3.20
// (a Cisco Catalyst 3560), in 127.0.3.0/27, and 127.0.3.40 (an HP
// ProCurve access switch) outside it, until the test ends. walks is the
// fixture folder relative to the calling test (usually Walks).
func Start(t testing.TB, walks string) *Site {
	t.Helper()
	site := &Site{Printer: "127.0.3.10", Switch: "127.0.3.20", Range: "127.0.3.0/27", AccessSwitch: "127.0.3.40"}
	// One folder per test binary: two packages' tests run at once, and
	// snmpsimd's index cache must not be shared between two daemons.
	root := filepath.Join(os.TempDir(), "parc-snmppoll-site-"+filepath.Base(os.Args[0]))
	data := filepath.Join(root, "data")
	if err := prepare(walks, data, filepath.Join(root, "cache")); err != nil {
		t.Fatal(err)
	}
	site.Port = snmptest.FreePort(t, site.Printer)
	stop, err := snmptest.Launch(snmptest.SimConfig{Data: data, Cache: filepath.Join(root, "cache"), V2CArch: true,
		Endpoints: []string{site.Printer + ":" + strconv.Itoa(site.Port), site.Switch + ":" + strconv.Itoa(site.Port),
			site.AccessSwitch + ":" + strconv.Itoa(site.Port)},
		Ready: Community})
	if errors.Is(err, snmptest.ErrMissing) {
		snmptest.Missing(t, err.Error())
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return site
}

// prepare lays out the data folder: COMMUNITY/1.3.6.1.6.1.1.N.snmprec
// answers COMMUNITY on the N-th endpoint only.
func prepare(walks, data, cache string) error {
	dir := filepath.Join(data, Community)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	for i, w := range devices {
		b, err := os.ReadFile(filepath.Join(walks, w))
		if err != nil {
			return fmt.Errorf("walk %s (the shared fixtures must sit beside the repository): %w", w, err)
		}
		target := filepath.Join(dir, "1.3.6.1.6.1.1."+strconv.Itoa(i)+".snmprec")
		if st, err := os.Stat(target); err == nil && st.Size() == int64(len(b)) {
			continue
		}
		if err := os.WriteFile(target+".tmp", b, 0o644); err != nil {
			return err
		}
		if err := os.Rename(target+".tmp", target); err != nil {
			return err
		}
	}
	_ = os.Chmod(data, 0o755)
	_ = os.Chmod(dir, 0o755)
	return nil
}
