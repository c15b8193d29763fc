package snmp

import (
	"context"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
)

// fakeAgent is a v2c agent serving one table of rows integers below
// root. It drops GETBULK requests for more than maxReps rows, as devices
// do whose answers would exceed their message size, and counts requests.
type fakeAgent struct {
	conn     net.PacketConn
	root     string
	rows     int
	maxReps  uint32
	requests chan gosnmp.PDUType
}

func startFakeAgent(t *testing.T, root string, rows int, maxReps uint32) *fakeAgent {
	t.Helper()
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a := &fakeAgent{conn: c, root: root, rows: rows, maxReps: maxReps, requests: make(chan gosnmp.PDUType, 10000)}
	t.Cleanup(func() { c.Close() })
	go a.serve()
	return a
}

func (a *fakeAgent) serve() {
	buf := make([]byte, 65536)
	dec := &gosnmp.GoSNMP{Logger: gosnmp.NewLogger(nil)}
	for {
		n, from, err := a.conn.ReadFrom(buf)
		if err != nil {
			return
		}
		req, err := dec.SnmpDecodePacket(buf[:n])
		if err != nil || len(req.Variables) != 1 {
			continue
		}
		a.requests <- req.PDUType
		reps := uint32(1)
		if req.PDUType == gosnmp.GetBulkRequest {
			if req.MaxRepetitions > a.maxReps {
				continue // dropped
			}
			reps = req.MaxRepetitions
		}
		resp := &gosnmp.SnmpPacket{Version: gosnmp.Version2c, Community: req.Community, PDUType: gosnmp.GetResponse,
			RequestID: req.RequestID, Variables: a.next(normOID(req.Variables[0].Name), int(reps))}
		if b, err := resp.MarshalMsg(); err == nil {
			_, _ = a.conn.WriteTo(b, from)
		}
	}
}

// next returns the n variables after oid: rows root.1 .. root.rows, then
// endOfMibView.
func (a *fakeAgent) next(oid string, n int) []gosnmp.SnmpPDU {
	var out []gosnmp.SnmpPDU
	for i := 1; i <= a.rows && len(out) < n; i++ {
		name := fmt.Sprintf("%s.%d", a.root, i)
		if compareOID(name, oid) > 0 {
			out = append(out, gosnmp.SnmpPDU{Name: name, Type: gosnmp.Integer, Value: i})
		}
	}
	for len(out) < n {
		out = append(out, gosnmp.SnmpPDU{Name: oid, Type: gosnmp.EndOfMibView})
	}
	return out
}

// TestWalkLostBulkAnswers checks that a device dropping large GETBULK
// answers is walked with fewer repetitions, still in bulk, rather than
// one GETNEXT per row.
func TestWalkLostBulkAnswers(t *testing.T) {
	const root, rows = ".1.3.6.1.2.1.2.2.1.2", 200
	a := startFakeAgent(t, root, rows, 6)
	host := a.conn.LocalAddr().String()
	s, err := Dial(context.Background(), host, Credential{Version: "2c", Community: "public"},
		// Each lost answer costs the timeout twice; it is long enough for
		// the answers that do come on a loaded machine.
		Options{Timeout: time.Second, Retries: 1, MaxRepetitions: 25})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A first small walk shows that the device answers: a lost bulk
	// answer afterwards is a device dropping large answers, not a host
	// gone.
	s.opts.MaxRepetitions = 1
	if _, err := s.Walk(ctxT(t), ".1.3.6.1.2.1.2.2.1.1"); err != nil {
		t.Fatal(err)
	}
	s.opts.MaxRepetitions = 25
	tab, err := s.Walk(ctxT(t), root)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab) != rows {
		t.Fatalf("got %d rows; want %d", len(tab), rows)
	}
	if s.noBulk {
		t.Error("session gave up GETBULK; want fewer repetitions")
	}
	if got := s.opts.MaxRepetitions; got > 6 || got < 1 {
		t.Errorf("max-repetitions: got %d; want 1..6", got)
	}
	getnext := 0
	for len(a.requests) > 0 {
		if <-a.requests == gosnmp.GetNextRequest {
			getnext++
		}
	}
	if getnext > 0 {
		t.Errorf("got %d GETNEXT requests; want none", getnext)
	}
}
