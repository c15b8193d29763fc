package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// TestMain lets the crash test run this test binary as a collector child
// process, so it can kill -9 a real server.
func TestMain(m *testing.M) {
	if os.Getenv("PARC_CRASH_CHILD") == "1" {
		os.Exit(run([]string{"serve", "--log-level", "warn"}, stdio{os.Stdin, os.Stdout, os.Stderr}))
	}
	os.Exit(m.Run())
}

func startChild(t *testing.T, dir, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARC_CRASH_CHILD=1", "PARC_DATA="+dir, "PARC_LISTEN="+addr)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if resp, err := http.Get("http://" + addr + "/readyz"); err == nil {
			resp.Body.Close()
			return cmd
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("collector did not start: %s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type ack struct {
	deviceid, reportID string
	softwares          int
}

// TestKill9DuringBurst kills the collector with SIGKILL while agents send
// reports, restarts it, and checks that every acknowledged report is
// there and no asset is half-written.
func TestKill9DuringBurst(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" { // CI runs every test, -short or not
		t.Skip("starts a collector process")
	}
	dir := t.TempDir()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	child := startChild(t, dir, addr)
	_, secret, _ := runCmd(t, "", "enroll-secret", "--data", dir)
	secret = strings.TrimSpace(secret)
	const agents = 8
	var mu sync.Mutex
	var acks []ack
	sent := map[string]map[int]bool{} // deviceid -> software counts sent
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for a := 0; a < agents; a++ {
		dev := fmt.Sprintf("crash-pc-%d", a)
		tok := enrollHTTP(t, addr, secret, dev)
		sent[dev] = map[int]bool{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				n := 5 + (i*7)%40
				mu.Lock()
				sent[dev][n] = true
				mu.Unlock()
				id := fmt.Sprintf("%s-r%d", dev, i)
				if postReport(addr, tok, id, crashReport(dev, n)) == nil {
					mu.Lock()
					acks = append(acks, ack{dev, id, n})
					mu.Unlock()
				}
			}
		}()
	}
	time.Sleep(1500 * time.Millisecond)
	child.Process.Kill() // SIGKILL: no shutdown code runs
	child.Wait()
	close(stop)
	wg.Wait()
	if len(acks) < agents {
		t.Fatalf("got %d acknowledged reports before the kill; want a burst", len(acks))
	}
	t.Logf("%d reports acknowledged before kill -9", len(acks))
	st, err := store.Open(context.Background(), store.Options{DSN: dir + "/parc.db"})
	if err != nil {
		t.Fatal(err)
	}
	checkAfterCrash(t, st, acks, sent)
	st.Close()
	child = startChild(t, dir, addr) // restarts cleanly on the same files
	defer func() { child.Process.Kill(); child.Wait() }()
}

func checkAfterCrash(t *testing.T, st store.Store, acks []ack, sent map[string]map[int]bool) {
	ctx := context.Background()
	var integrity string
	rows, err := st.(interface{ DB() store.QueryDB }).DB().QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		rows.Scan(&integrity)
	}
	rows.Close()
	if integrity != "ok" {
		t.Errorf("got integrity_check %q; want ok", integrity)
	}
	for _, a := range acks {
		agent, err := st.GetAgentByDeviceID(ctx, a.deviceid)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.GetProcessedReport(ctx, agent.ID, a.reportID); err != nil {
			t.Errorf("acknowledged report %s lost: %v", a.reportID, err)
		}
	}
	for dev, counts := range sent {
		agent, err := st.GetAgentByDeviceID(ctx, dev)
		if err != nil || agent.AssetID == 0 {
			continue
		}
		ins, err := st.Installations(ctx, agent.AssetID)
		if err != nil {
			t.Fatal(err)
		}
		if !counts[len(ins)] {
			t.Errorf("asset of %s has %d installations, which no report had: half-written", dev, len(ins))
		}
	}
}

func enrollHTTP(t *testing.T, addr, secret, dev string) string {
	body, _ := json.Marshal(api.EnrollRequest{Secret: secret, DeviceID: dev, Hostname: dev})
	resp, err := http.Post("http://"+addr+api.PathEnroll, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var er api.EnrollResponse
	if err := json.NewDecoder(resp.Body).Decode(&er); err != nil || er.Token == "" {
		t.Fatalf("enroll %s: %d %v", dev, resp.StatusCode, err)
	}
	return er.Token
}

func postReport(addr, tok, id string, body []byte) error {
	req, _ := http.NewRequest("POST", "http://"+addr+api.PathInventory, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set(api.HeaderReportID, id)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var ir api.InventoryResponse
	if resp.StatusCode != 200 || json.NewDecoder(resp.Body).Decode(&ir) != nil || ir.AssetID == "" {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func crashReport(dev string, softwares int) []byte {
	var sw []string
	for i := 0; i < softwares; i++ {
		sw = append(sw, fmt.Sprintf(`{"name":"app-%d","version":"1.%d"}`, i, softwares))
	}
	return []byte(fmt.Sprintf(`{"action":"inventory","deviceid":%q,"itemtype":"Computer","content":{"versionclient":"Parc-Agent_v0.1.0",
		"hardware":{"name":%q,"uuid":"uuid-%s"},"bios":{"ssn":"SN-%s"},"softwares":[%s]}}`, dev, dev, dev, dev, strings.Join(sw, ",")))
}
