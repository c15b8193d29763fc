package collect

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
)

// cpuSocket is one physical package as /proc/cpuinfo describes it.
type cpuSocket struct {
	ID        string // "physical id"
	Vendor    string // vendor_id, e.g. "GenuineIntel"; ARM: "CPU implementer"
	ModelName string // e.g. "11th Gen Intel(R) Core(TM) i5-1145G7 @ 2.60GHz"
	Family    string // "cpu family", e.g. "6"
	Model     string // e.g. "140"
	Stepping  int64
	MHz       float64
	Cores     int64  // "cpu cores"
	Siblings  int64  // logical CPUs in the package
	Logical   int64  // processor entries counted
	Part      string // ARM "CPU part", e.g. "0xd0c"
}

// parseCPUInfo groups the processor entries of /proc/cpuinfo by physical
// package, in the order packages first appear. Kernels that give no
// "physical id" (ARM, some VMs) yield one package holding every entry.
func parseCPUInfo(b []byte) []cpuSocket {
	var out []cpuSocket
	index := map[string]int{}
	cur := map[string]string{}
	flush := func() {
		if len(cur) == 0 {
			return
		}
		id := cur["physical id"]
		i, ok := index[id]
		if !ok {
			i = len(out)
			index[id] = i
			out = append(out, cpuSocket{ID: id})
			fillSocket(&out[i], cur)
		}
		if _, isCPU := cur["processor"]; isCPU {
			out[i].Logical++
		}
		cur = map[string]string{}
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		cur[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	flush()
	// ARM kernels print one "Hardware"/"Serial" block with no processor
	// key; drop packages that only came from such blocks.
	kept := out[:0]
	for _, s := range out {
		if s.Logical > 0 {
			kept = append(kept, s)
		}
	}
	return kept
}

func fillSocket(s *cpuSocket, m map[string]string) {
	s.Vendor = firstOf(m["vendor_id"], m["CPU implementer"])
	s.ModelName = strings.Join(strings.Fields(m["model name"]), " ")
	s.Family = m["cpu family"]
	s.Model = m["model"]
	s.Part = m["CPU part"]
	s.Stepping, _ = strconv.ParseInt(m["stepping"], 10, 64)
	s.MHz, _ = strconv.ParseFloat(m["cpu MHz"], 64)
	s.Cores, _ = strconv.ParseInt(m["cpu cores"], 10, 64)
	s.Siblings, _ = strconv.ParseInt(m["siblings"], 10, 64)
}

func firstOf(v ...string) string {
	for _, s := range v {
		if s != "" {
			return s
		}
	}
	return ""
}

// cpuVendorName maps a vendor_id or ARM implementer code to the maker
// name GLPI shows.
func cpuVendorName(v string) string {
	switch strings.ToLower(v) {
	case "genuineintel":
		return "Intel"
	case "authenticamd":
		return "AMD"
	case "hygongenuine":
		return "Hygon"
	case "centaurhauls":
		return "VIA"
	case "0x41":
		return "ARM"
	case "0x51":
		return "Qualcomm"
	case "0x61":
		return "Apple"
	case "0x48":
		return "HiSilicon"
	case "0x4e":
		return "NVIDIA"
	case "0xc0":
		return "Ampere"
	}
	return v
}

// speedFromName reads the nominal frequency some CPU names carry, e.g.
// "... @ 2.60GHz" -> 2600 MHz.
func speedFromName(name string) int64 {
	_, after, ok := strings.Cut(name, "@ ")
	if !ok {
		return 0
	}
	after = strings.TrimSpace(after)
	unit := int64(1)
	switch {
	case strings.HasSuffix(after, "GHz"):
		after, unit = strings.TrimSuffix(after, "GHz"), 1000
	case strings.HasSuffix(after, "MHz"):
		after = strings.TrimSuffix(after, "MHz")
	default:
		return 0
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(after), 64)
	if err != nil || f <= 0 {
		return 0
	}
	return int64(f*float64(unit) + 0.5)
}
