package snmp

import (
	"context"
	"errors"
	"flag"
	"net"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/snmp/snmptest"
)

// One snmpsimd serves every walk for the whole package, on the first
// address for inventory tests and on a few addresses of 127.0.1.0/28 for
// sweeps.
var (
	sim    *snmptest.Sim
	simErr error
	// sweepIPs answer SNMP inside sweepRange; the rest of it is silent.
	sweepIPs   = []string{"127.0.1.2", "127.0.1.5", "127.0.1.9"}
	sweepRange = "127.0.1.0/28"
)

const sysObjectIDsPath = "../../../shared/fixtures/sysobject.ids"

func TestMain(m *testing.M) {
	flag.Parse()
	var stop func()
	if f := flag.Lookup("test.fuzz"); f != nil && f.Value.String() != "" {
		// Fuzzing needs no device, and each fuzz worker runs TestMain.
		simErr = errors.New("no simulator while fuzzing")
	} else {
		sim, stop, simErr = snmptest.LaunchSim(snmptest.Walks, append([]string{"127.0.0.1"}, sweepIPs...)...)
	}
	code := m.Run()
	if stop != nil {
		stop()
	}
	os.Exit(code)
}

// simAddr returns the snmpsimd address for inventory tests.
func simAddr(t testing.TB) string {
	t.Helper()
	if simErr != nil {
		if errors.Is(simErr, snmptest.ErrMissing) {
			snmptest.Missing(t, simErr.Error())
		}
		t.Fatal(simErr)
	}
	return sim.Addrs[0]
}

// loadDB loads the shared sysobject.ids, failing clearly when it is absent.
func loadDB(t testing.TB) *SysObjectDB {
	t.Helper()
	db, err := LoadSysObjectIDs(sysObjectIDsPath)
	if err != nil {
		t.Fatalf("the shared fixtures must sit beside the repository: %v", err)
	}
	return db
}

// dialWalk opens a session on the simulator to the walk whose community
// is community.
func dialWalk(t testing.TB, community string) *Session {
	t.Helper()
	s, err := Dial(context.Background(), simAddr(t), Credential{Version: "2c", Community: community},
		Options{Timeout: 2 * time.Second, Retries: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func splitAddr(t testing.TB, addr string) (string, uint16) {
	t.Helper()
	h, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(p)
	return h, uint16(n)
}
