package collect

import (
	"encoding/binary"
	"io"
	"os"
)

// machoArch reads the architecture of an application's executable from
// its Mach-O header: "arm64", "x86_64", or "universal" for a fat binary
// holding both. Only the first bytes are read; "" when unknown.
func machoArch(env *Env, p string) string {
	f, err := os.Open(env.Path(p))
	if err != nil {
		return ""
	}
	defer f.Close()
	var hdr [64]byte
	n, _ := io.ReadFull(f, hdr[:])
	return parseMachoArch(hdr[:n])
}

const (
	machoCPUX86_64 = 0x01000007
	machoCPUARM64  = 0x0100000c
	machoCPUX86    = 0x00000007
	machoCPUPPC    = 0x00000012
)

// parseMachoArch decodes a thin (feedface/feedfacf, little-endian on
// every Mac) or fat (cafebabe, big-endian) header.
func parseMachoArch(b []byte) string {
	if len(b) < 8 {
		return ""
	}
	switch binary.BigEndian.Uint32(b) {
	case 0xcafebabe, 0xcafebabf: // fat; 0xcafebabe is also a Java class file
		n := binary.BigEndian.Uint32(b[4:])
		if n == 0 || n > 8 {
			return ""
		}
		var archs []string
		entry := 20 // fat_arch: cputype, cpusubtype, offset, size, align
		if binary.BigEndian.Uint32(b) == 0xcafebabf {
			entry = 32 // fat_arch_64
		}
		for i := 0; i < int(n) && 8+i*entry+4 <= len(b); i++ {
			if a := machoCPU(binary.BigEndian.Uint32(b[8+i*entry:])); a != "" {
				archs = append(archs, a)
			}
		}
		switch len(archs) {
		case 0:
			return ""
		case 1:
			return archs[0]
		}
		return "universal"
	}
	switch binary.LittleEndian.Uint32(b) {
	case 0xfeedface, 0xfeedfacf:
		return machoCPU(binary.LittleEndian.Uint32(b[4:]))
	}
	return ""
}

func machoCPU(t uint32) string {
	return map[uint32]string{
		machoCPUX86_64: "x86_64", machoCPUARM64: "arm64", machoCPUX86: "i386", machoCPUPPC: "ppc",
	}[t]
}
