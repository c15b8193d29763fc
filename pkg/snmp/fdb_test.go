package snmp

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
)

// tableReader serves fixed tables by root.
type tableReader map[string]Table

func (r tableReader) Get(context.Context, ...string) (Vars, error) { return Vars{}, nil }

func (r tableReader) Walk(_ context.Context, root string) (Table, error) { return r[root], nil }

func intPDU(n int) gosnmp.SnmpPDU { return gosnmp.SnmpPDU{Type: gosnmp.Integer, Value: n} }

// TestVLANFDBsAtOnce checks that VLAN contexts are opened together: the
// contexts without data wait until every VLAN has been asked, which never
// happens when they are read in turn, and the tables come back in VLAN
// order whatever order they finish in.
func TestVLANFDBsAtOnce(t *testing.T) {
	vlans := []int64{2, 3, 10, 20}
	var mu sync.Mutex
	asked := 0
	all := make(chan struct{})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts := FDBOptions{VLANContexts: true, Contexts: func(ctx context.Context, vlan int64) (Reader, func(), error) {
		mu.Lock()
		asked++
		if asked == len(vlans) {
			close(all)
		}
		mu.Unlock()
		if vlan == 3 || vlan == 20 {
			select { // no context: wait as a timeout would
			case <-all:
				return nil, nil, errors.New("no answer")
			case <-ctx.Done():
				return nil, nil, ctx.Err()
			}
		}
		// One MAC, 00:00:00:00:00:VLAN, on bridge port 1 = ifIndex VLAN.
		return tableReader{
			oidDot1dTpFdbPort:       {"0.0.0.0.0." + strconv.FormatInt(vlan, 10): intPDU(1)},
			oidDot1dBasePortIfIndex: {"1": intPDU(int(vlan))},
		}, func() {}, nil
	}}
	got := vlanFDBs(ctx, vlans, opts)
	if ctx.Err() != nil {
		t.Fatal("contexts were read in turn: the VLANs without context waited for the others")
	}
	want := []string{"00:00:00:00:00:02", "", "00:00:00:00:00:0a", ""}
	for i, v := range vlans {
		mac := ""
		if macs := got[i][v]; len(macs) == 1 {
			mac = macs[0]
		}
		if mac != want[i] {
			t.Errorf("vlan %d: got MAC %q; want %q", v, mac, want[i])
		}
	}
}
