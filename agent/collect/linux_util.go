package collect

import (
	"strconv"
	"strings"
)

// Small helpers shared by the Linux collectors. They only deal with text
// read from /proc and /sys, so they build everywhere.

// sysString reads a one-line sysfs or procfs file, trimmed of spaces and
// NUL padding; "" when absent or unreadable.
func sysString(env *Env, p string) string {
	b, err := env.ReadFile(p)
	if err != nil {
		return ""
	}
	return strings.Trim(string(b), " \t\r\n\x00")
}

// sysInt reads a sysfs integer; ok is false when absent or not a number.
func sysInt(env *Env, p string) (int64, bool) {
	s := sysString(env, p)
	if s == "" {
		return 0, false
	}
	if strings.HasPrefix(s, "0x") {
		v, err := strconv.ParseInt(s[2:], 16, 64)
		return v, err == nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

// sysHex reads a sysfs "0x8086" style identifier as "8086".
func sysHex(env *Env, p string) string {
	return strings.TrimPrefix(strings.ToLower(sysString(env, p)), "0x")
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// pathBase is the last element of a slash-separated path.
func pathBase(p string) string {
	p = strings.TrimRight(p, "/")
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// shortPCISlot drops the PCI domain when it is 0000: "0000:00:02.0" ->
// "00:02.0", as lspci prints it.
func shortPCISlot(s string) string {
	if rest, ok := strings.CutPrefix(s, "0000:"); ok {
		return rest
	}
	return s
}

// existsAny says whether one of the paths exists below Root.
func existsAny(env *Env, paths []string) bool {
	for _, p := range paths {
		if env.Exists(p) {
			return true
		}
	}
	return false
}
