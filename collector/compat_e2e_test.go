package main

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// TestFusionInventoryAgentEndToEnd points Debian's fusioninventory-agent
// at a collector started with the GLPI-compatible endpoint and checks the
// machine appears in the park with its software.
func TestFusionInventoryAgentEndToEnd(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" { // CI runs every test, -short or not
		t.Skip("runs a real agent")
	}
	agent, err := exec.LookPath("fusioninventory-agent")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fusioninventory-agent is not installed; scripts/test-deps.sh (make test) installs it")
		}
		t.Skip("fusioninventory-agent is not installed (apt-get install fusioninventory-agent)")
	}
	dir := t.TempDir()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	os.Setenv("PARC_GLPI_COMPAT_ENABLED", "true")
	child := startChild(t, dir, addr)
	os.Unsetenv("PARC_GLPI_COMPAT_ENABLED")
	defer func() { child.Process.Kill(); child.Wait() }()

	vardir := t.TempDir()
	conf := filepath.Join(vardir, "agent.cfg")
	os.WriteFile(conf, []byte("no-httpd = 1\n"), 0o600)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, agent, "--conf-file="+conf, "--server=http://"+addr+"/glpi/plugins/fusioninventory/",
		"--tasks=inventory", "--force", "--no-httpd", "--logger=stderr",
		"--no-category=process,environment,printer,usb")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("fusioninventory-agent: %v\n%s", err, out)
	}
	st, err := store.Open(context.Background(), store.Options{DSN: filepath.Join(dir, "parc.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	page, err := st.ListAssets(context.Background(), store.AssetFilter{Type: store.TypeComputer})
	if err != nil || page.Total != 1 {
		t.Fatalf("got %d computers (%v); want this machine once\nagent output:\n%s", page.Total, err, out)
	}
	a := page.Assets[0]
	host, _ := os.Hostname()
	ins, _ := st.Installations(context.Background(), a.ID)
	t.Logf("asset %q (%s), %d software installations", a.Name, a.OSName, len(ins))
	if a.Source != "glpi" || a.OSName == "" || len(ins) == 0 {
		t.Errorf("got asset %+v with %d installations; want this machine (%s) with its OS and software", a, len(ins), host)
	}
}
