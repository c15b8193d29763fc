package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The devices and both tools share the machine's cores, so the bench
// reports the CPU each side used: when snmpsimd's time is close to the
// wall time times its processes' share of the cores, the simulator, not
// the tool, sets the pace.

// userHZ is Linux's clock tick for /proc/PID/stat times.
const userHZ = 100

// cpuUse is CPU time spent by the simulator and by the tool over a run.
type cpuUse struct {
	Sim, Tool time.Duration
}

// simCPU sums the user and system time of the snmpsimd processes serving
// a data folder of the lab in dir (startSim's data-N).
func simCPU(dir string) time.Duration {
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	data := []byte("--data-dir=" + filepath.Join(dir, "data-"))
	var ticks int64
	for _, p := range procs {
		cmd, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(cmd, data) || !bytes.Contains(cmd, []byte("snmpsimd")) {
			continue
		}
		stat, err := os.ReadFile(filepath.Join(filepath.Dir(p), "stat"))
		if err != nil {
			continue
		}
		// Fields after the command name, which is in parentheses and may
		// hold spaces: state is field 3, utime 14 and stime 15.
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(stat[i+1:]))
		if len(f) < 13 {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		s, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += u + s
	}
	return time.Duration(ticks) * time.Second / userHZ
}

// selfCPU is this process's user and system time.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measureCPU runs f and returns the CPU the lab's simulators and this
// process used meanwhile; a tool run in a child process reports its own
// time in f's result instead.
func measureCPU(l *lab, f func()) cpuUse {
	s0, p0 := simCPU(l.Root), selfCPU()
	f()
	return cpuUse{Sim: simCPU(l.Root) - s0, Tool: selfCPU() - p0}
}
