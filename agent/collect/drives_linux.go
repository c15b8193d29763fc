package collect

import (
	"context"
	"fmt"
	"os"
	"path"
	"strings"
	"syscall"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("drives", drivesLinux) }

// drivesLinux lists the mounted file systems that hold data: those on a
// block device, network shares, and the root whatever it is (overlay in a
// container). Pseudo file systems, snap squashfs images and bind mounts of
// an already listed source are left out.
func drivesLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	b, err := env.ReadFile("/proc/mounts")
	if err != nil {
		return fmt.Errorf("read mounts: %w", ErrNoData)
	}
	labels := diskLinks(env, "/dev/disk/by-label")
	uuids := diskLinks(env, "/dev/disk/by-uuid")
	seen := map[string]bool{}
	for _, m := range parseMounts(b) {
		if !isDataMount(m) || seen[m.Target] {
			continue
		}
		if fi, err := os.Stat(env.Path(m.Target)); err == nil && !fi.IsDir() {
			continue // a file bind mount, e.g. a container's /etc/resolv.conf
		}
		seen[m.Target] = true
		d := inventory.Drive{Type: m.Target, FileSystem: m.FSType, Volumn: m.Source}
		if dev := blockName(env, m.Source); dev != "" {
			d.Label = unescapeHex(labels[dev])
			d.Serial = uuids[dev]
			encryption(env, dev, &d)
		}
		if env.Root == "" || env.Root == "/" {
			driveSpace(m.Target, &d)
		}
		r.Content.Drives = append(r.Content.Drives, d)
	}
	if len(r.Content.Drives) == 0 {
		return fmt.Errorf("no data file system mounted: %w", ErrNoData)
	}
	return nil
}

var networkFS = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb3": true, "smbfs": true,
	"fuse.sshfs": true, "9p": true, "virtiofs": true, "ceph": true, "glusterfs": true,
}

func isDataMount(m mountEntry) bool {
	switch {
	case m.FSType == "squashfs" || m.FSType == "iso9660" && strings.HasPrefix(m.Source, "/dev/loop"):
		return false
	case m.Target == "/":
		return true
	case networkFS[m.FSType]:
		return true
	case strings.HasPrefix(m.Source, "/dev/"):
		return !strings.HasPrefix(m.Target, "/snap/")
	case m.FSType == "zfs" || m.FSType == "btrfs":
		return true
	}
	return false
}

// blockName resolves a mount source such as "/dev/mapper/vg-root" or
// "/dev/nvme0n1p2" to its kernel name ("dm-1", "nvme0n1p2").
func blockName(env *Env, src string) string {
	if !strings.HasPrefix(src, "/dev/") {
		return ""
	}
	if l, err := readLink(env, src); err == nil {
		return path.Base(l) // /dev/mapper/x -> ../dm-0
	}
	return path.Base(src)
}

// diskLinks maps kernel device names to the names of the udev symlinks
// in dir, e.g. by-label: "nvme0n1p2" -> "Data".
func diskLinks(env *Env, dir string) map[string]string {
	out := map[string]string{}
	entries, err := env.ReadDir(dir)
	if err != nil {
		return out
	}
	for _, e := range entries {
		if l, err := readLink(env, dir+"/"+e.Name()); err == nil {
			out[path.Base(l)] = e.Name()
		}
	}
	return out
}

// encryption marks a drive on dm-crypt (directly, or through LVM on LUKS)
// as encrypted by cryptsetup. Other drives on a local disk are "No".
func encryption(env *Env, dev string, d *inventory.Drive) {
	if crypt := cryptTarget(env, dev, 0); crypt != "" {
		d.EncryptName, d.EncryptStat, d.EncryptType = "cryptsetup", "Yes", "software"
		d.EncryptAlgo = cryptCipher(env, crypt)
		return
	}
	d.EncryptStat = "No"
}

// cryptTarget walks the device-mapper stack below dev and returns the
// dm-crypt mapping name it finds ("luks-3f2a..." or "nvme0n1p3_crypt").
func cryptTarget(env *Env, dev string, depth int) string {
	if depth > 8 || !strings.HasPrefix(dev, "dm-") {
		return ""
	}
	base := "/sys/block/" + dev + "/dm"
	if strings.HasPrefix(sysString(env, base+"/uuid"), "CRYPT-") {
		return sysString(env, base+"/name")
	}
	slaves, _ := env.ReadDir("/sys/block/" + dev + "/slaves")
	for _, s := range slaves {
		if c := cryptTarget(env, s.Name(), depth+1); c != "" {
			return c
		}
	}
	return ""
}

// cryptCipher reads the cipher of a mapping from /etc/crypttab options
// ("cipher=aes-xts-plain64"); LUKS keeps it in its header, which only
// root can read, so "" is the usual answer for LUKS.
func cryptCipher(env *Env, name string) string {
	b, err := env.ReadFile("/etc/crypttab")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || f[0] != name {
			continue
		}
		for _, o := range strings.Split(f[3], ",") {
			if v, ok := strings.CutPrefix(o, "cipher="); ok {
				return v
			}
		}
	}
	return ""
}

// driveSpace fills total and free (space available to users, as df
// shows) in MiB from statfs on the real machine.
func driveSpace(target string, d *inventory.Drive) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(target, &st); err != nil {
		return
	}
	d.Total, d.Free = spaceMiB(uint64(st.Frsize), st.Blocks, st.Bavail)
}

// spaceMiB converts statfs block counts to MiB.
func spaceMiB(bsize, blocks, avail uint64) (total, free int64) {
	return int64(blocks * bsize >> 20), int64(avail * bsize >> 20)
}
