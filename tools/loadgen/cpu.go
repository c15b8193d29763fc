package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// On a machine shared with other work, wall-clock rates move with the
// neighbours' load; CPU time per request does not. cpuMeter reads the CPU
// time (user + system) used so far by this process and, when its pid is
// given, by the collector, so each phase can report both per request.
type cpuMeter struct {
	collectorPID int // 0: not measured
}

// cpuSample is the CPU time used so far; a negative value is unknown.
type cpuSample struct {
	self, collector time.Duration
}

func (m cpuMeter) sample() cpuSample {
	s := cpuSample{self: selfCPU(), collector: -1}
	if m.collectorPID > 0 {
		if d, err := procCPU(m.collectorPID); err == nil {
			s.collector = d
		}
	}
	return s
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat's times: 100 on every
// Linux architecture Go supports.
const clockTicks = 100

// procCPU reads the user and system time of process pid, all its threads,
// from /proc/PID/stat (10 ms resolution: enough over a phase of
// thousands of requests).
func procCPU(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name (field 2) may hold spaces: count fields after its ')'.
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, fmt.Errorf("read /proc/%d/stat: no command name", pid)
	}
	f := strings.Fields(s[i+1:])
	// After the name: state is field 3, utime field 14, stime field 15.
	if len(f) < 13 {
		return 0, fmt.Errorf("read /proc/%d/stat: %d fields", pid, len(f))
	}
	var ticks int64
	for _, v := range f[11:13] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("read /proc/%d/stat: %w", pid, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}
