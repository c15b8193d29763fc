package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
)

// agentVersion is what simulated agents announce.
const agentVersion = "0.1.0-loadgen"

// simAgent is one simulated parc-agent: a machine and its credential. Its
// reports are sent one at a time, as a real agent's are.
type simAgent struct {
	mu      sync.Mutex
	machine *Machine
	token   string
	pending [][]byte // prepared gzip bodies, sent in order
}

// enroll exchanges the site secret for the agent's token.
func (a *simAgent) enroll(ctx context.Context, c *api.Client, secret string) error {
	res, err := c.Enroll(ctx, api.EnrollRequest{Secret: secret, DeviceID: a.machine.DeviceID,
		Hostname: a.machine.Host, Tag: "loadgen"})
	if err != nil {
		return err
	}
	a.token = res.Token
	return nil
}

// contact asks the collector what to send, as the agent does before each
// inventory.
func (a *simAgent) contact(ctx context.Context, c *api.Client) (string, error) {
	res, err := c.Contact(ctx, a.token, api.ContactRequest{DeviceID: a.machine.DeviceID, Version: agentVersion})
	if err != nil {
		return "", err
	}
	return res.Inventory, nil
}

// send posts one prepared report body with a fresh report ID.
func (a *simAgent) send(ctx context.Context, c *api.Client, body []byte) error {
	_, err := c.SendInventory(ctx, a.token, newReportID(), body)
	return err
}

// newReportID is a random 128-bit hex ID, as the agent makes.
func newReportID() string {
	var b [16]byte
	rand.Read(b[:])
	return fmt.Sprintf("%x", b)
}

// gzipWriters are reused: a new flate compressor allocates about 1 MiB,
// more than a report.
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// encodeReport is the request body: the report's JSON, gzip-compressed,
// as api.GzipJSON makes it.
func encodeReport(r *inventory.Report) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	if err := json.NewEncoder(zw).Encode(r); err != nil {
		return nil, fmt.Errorf("encode report: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress report: %w", err)
	}
	return buf.Bytes(), nil
}

// prepareFull encodes the machine's first full report.
func (a *simAgent) prepareFull() error {
	rep, err := a.machine.FullReport()
	if err != nil {
		return err
	}
	body, err := encodeReport(rep)
	if err != nil {
		return err
	}
	a.pending = append(a.pending, body)
	return nil
}

// preparePartials encodes the machine's next n partial reports.
func (a *simAgent) preparePartials(n, swChangePct int) error {
	for range n {
		rep, err := a.machine.PartialReport(swChangePct)
		if err != nil {
			return err
		}
		body, err := encodeReport(rep)
		if err != nil {
			return err
		}
		a.pending = append(a.pending, body)
	}
	return nil
}

// next takes the next prepared body.
func (a *simAgent) next() []byte {
	b := a.pending[0]
	a.pending = a.pending[1:]
	return b
}

// pacer spaces requests to at most rate per second across all workers;
// a zero rate does not wait.
type pacer struct {
	mu    sync.Mutex
	rate  float64
	start time.Time
	n     int
}

func (p *pacer) wait(ctx context.Context) error {
	if p.rate <= 0 {
		return ctx.Err()
	}
	p.mu.Lock()
	if p.start.IsZero() {
		p.start = time.Now()
	}
	at := p.start.Add(time.Duration(float64(p.n) / p.rate * float64(time.Second)))
	p.n++
	p.mu.Unlock()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Until(at)):
		return nil
	}
}
