package collect

import (
	"context"
	"os"
	"time"

	"github.com/shirou/gopsutil/v4/host"
	"golang.org/x/sys/unix"
)

// macHostFacts reads the host name, kernel release, machine and boot time
// from the kernel (sysctl and uname need no cgo). A fact that cannot be
// read stays empty.
func macHostFacts(ctx context.Context) macHost {
	var h macHost
	h.HostName, _ = os.Hostname()
	h.Kernel, _ = unix.Sysctl("kern.osrelease")
	var u unix.Utsname
	if unix.Uname(&u) == nil {
		h.Arch = unix.ByteSliceToString(u.Machine[:])
	}
	if bt, err := host.BootTimeWithContext(ctx); err == nil && bt > 0 {
		h.Boot = time.Unix(int64(bt), 0)
	}
	return h
}
