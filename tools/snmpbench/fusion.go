package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// fusionSweep runs fusioninventory-netdiscovery over the same /24. It
// also pings and asks NetBIOS and the neighbour table for every address;
// that is how it works, so it is part of its time.
func fusionSweep(ctx context.Context, l *lab, timeout time.Duration, threads int, dump string) (sweepResult, error) {
	args := []string{"--first", l.SweepNet + ".1", "--last", l.SweepNet + ".254",
		"--port", strconv.Itoa(l.Port), "--credentials", "version:2c,community:" + community,
		"--timeout", strconv.Itoa(max(1, int(timeout.Seconds()))), "--threads", strconv.Itoa(threads)}
	out := sweepResult{Facts: map[string]int{}, Names: map[string]string{}}
	stdout, wall, _, err := runFusion(ctx, "fusioninventory-netdiscovery", args)
	out.Wall = wall
	if dump != "" {
		_ = os.WriteFile(filepath.Join(dump, "fusion-sweep.xml"), stdout, 0o644)
	}
	if err != nil {
		return out, err
	}
	devs, err := fusionDevices(stdout)
	if err != nil {
		return out, err
	}
	out.Found = len(devs)
	for _, d := range devs {
		if d.path("AUTHSNMP") == nil {
			continue // seen by ping or ARP only
		}
		ip := strings.TrimSpace(d.path("IP").text())
		out.Facts[ip] = d.leaves()
		out.Names[ip] = strings.TrimSpace(d.path("MODEL").text())
	}
	return out, nil
}

// fusionInventory runs fusioninventory-netinventory on every inventory
// device in one process. Its answers carry the device's index in the
// host list (INFO/ID).
func fusionInventory(ctx context.Context, l *lab, timeout time.Duration, threads int, dump string) (invResult, error) {
	hosts := make([]string, len(l.Inventory))
	for i, d := range l.Inventory {
		hosts[i] = d.IP
	}
	args := []string{"--host", strings.Join(hosts, ","), "--port", strconv.Itoa(l.Port),
		"--credentials", "version:2c,community:" + community, "--threads", strconv.Itoa(threads),
		"--timeout", strconv.Itoa(max(1, int(timeout.Seconds())))}
	out := invResult{Facts: map[string]int{}, Names: map[string]string{}, Errors: map[string]string{}}
	stdout, wall, cpu, err := runFusion(ctx, "fusioninventory-netinventory", args)
	out.Wall, out.CPU.Tool = wall, cpu
	if dump != "" {
		_ = os.WriteFile(filepath.Join(dump, "fusion-inventory.xml"), stdout, 0o644)
	}
	devs, perr := fusionDevices(stdout)
	for _, d := range devs {
		id, cerr := strconv.Atoi(strings.TrimSpace(d.path("INFO", "ID").text()))
		if cerr != nil || id < 0 || id >= len(hosts) {
			continue
		}
		ip := hosts[id]
		if e := d.path("ERROR", "MESSAGE"); e != nil {
			out.Errors[ip] = strings.TrimSpace(e.text())
			continue
		}
		out.Facts[ip] = d.leaves()
		out.Names[ip] = strings.TrimSpace(d.path("INFO", "MODEL").text())
	}
	return out, errors.Join(err, perr)
}

// autoflush is a Perl module loaded into FusionInventory's commands
// through PERL5OPT: their threads print whole XML documents to a shared,
// buffered STDOUT, and the buffers' partial flushes interleave documents
// when several threads finish together. Unbuffered, each document is one
// write(2) to a regular file, which Linux does not interleave.
const autoflush = "package ParcAutoflush;\nuse IO::Handle;\nSTDOUT->autoflush(1);\n1;\n"

// runFusion runs one of FusionInventory's commands and returns its
// standard output, wall time and CPU time (its threads and children
// included). A deadline from ctx kills it; what it printed until then is
// kept.
func runFusion(ctx context.Context, name string, args []string) ([]byte, time.Duration, time.Duration, error) {
	dir, err := os.MkdirTemp("", "snmpbench-fusion")
	if err != nil {
		return nil, 0, 0, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "ParcAutoflush.pm"), []byte(autoflush), 0o644); err != nil {
		return nil, 0, 0, err
	}
	out, err := os.Create(filepath.Join(dir, "stdout.xml"))
	if err != nil {
		return nil, 0, 0, err
	}
	defer out.Close()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "PERL5LIB="+dir, "PERL5OPT=-MParcAutoflush")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	var cpu time.Duration
	if ps := cmd.ProcessState; ps != nil {
		cpu = ps.UserTime() + ps.SystemTime()
	}
	stdout, rerr := os.ReadFile(out.Name())
	if rerr != nil {
		return nil, wall, cpu, rerr
	}
	if ctx.Err() != nil {
		return stdout, wall, cpu, fmt.Errorf("%s stopped after %v: %w", name, wall.Round(time.Second), ctx.Err())
	}
	if err != nil {
		return stdout, wall, cpu, fmt.Errorf("%s: %w: %s", name, err, lastLines(stderr.String(), 5))
	}
	return stdout, wall, cpu, nil
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(l[max(0, len(l)-n):], "\n")
}
