package installers

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// completeMark is written last into the cached root: a root without it
// was interrupted and is rebuilt.
const completeMark = ".parc-debroot-complete"

// debRoot returns a fresh copy of a minimal Debian bookworm root for one
// test, made by debootstrap once and cached (see the package comment).
func debRoot(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("the package lifecycle tests need root (chroot, dpkg --root); CI runs as root")
		}
		t.Skip("the package lifecycle tests need root (chroot, dpkg --root)")
	}
	needTool(t, "chroot", "cp")
	cache := debRootCache(t)
	if _, err := os.Stat(filepath.Join(cache, completeMark)); err != nil {
		if os.Getenv("PARC_TEST_PACKAGES") != "1" && os.Getenv("CI") != "true" {
			t.Skipf("no cached Debian root in %s; run `make test-packages` (PARC_TEST_PACKAGES=1) once to make it (about 4 minutes)", cache)
		}
		makeDebRoot(t, cache)
	}
	root := filepath.Join(t.TempDir(), "root")
	run(t, nil, "cp", "-a", cache, root)
	return root
}

func debRootCache(t *testing.T) string {
	if d := os.Getenv("PARC_DEBROOT"); d != "" {
		return d
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		t.Fatalf("cache dir: %v", err)
	}
	return filepath.Join(dir, "parc", "debroot-bookworm-minbase")
}

// makeDebRoot runs debootstrap into a temporary directory beside cache,
// then renames it, so an interrupted run leaves no half root behind.
func makeDebRoot(t *testing.T, cache string) {
	t.Helper()
	needTool(t, "debootstrap")
	mirror := os.Getenv("PARC_DEBIAN_MIRROR")
	if mirror == "" {
		mirror = aptMirror()
	}
	if mirror == "" {
		t.Fatal("no Debian mirror in /etc/apt/sources.list*; set PARC_DEBIAN_MIRROR")
	}
	if err := os.MkdirAll(filepath.Dir(cache), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := cache + ".tmp"
	os.RemoveAll(tmp)
	os.RemoveAll(cache)
	start := time.Now()
	t.Logf("debootstrap --variant=minbase bookworm %s %s (once)", tmp, mirror)
	run(t, nil, "debootstrap", "--variant=minbase", "bookworm", tmp, mirror)
	if err := os.WriteFile(filepath.Join(tmp, completeMark), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, cache); err != nil {
		t.Fatal(err)
	}
	t.Logf("debootstrap took %v", time.Since(start).Round(time.Second))
}

// inRoot runs a command chrooted into root with extra environment.
func inRoot(t *testing.T, root string, env []string, args ...string) string {
	t.Helper()
	return run(t, env, "chroot", append([]string{root}, args...)...)
}

// copyIn copies a host file into root's /tmp and returns its path inside.
func copyIn(t *testing.T, root, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	inside := "/tmp/" + filepath.Base(file)
	if err := os.WriteFile(filepath.Join(root, inside), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return inside
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// mode returns a file's permission bits.
func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// dpkgStatus is a package's status line in root ("install ok installed",
// "deinstall ok config-files") or "" when dpkg does not know it.
func dpkgStatus(root, pkg string) string {
	out, err := exec.Command("chroot", root, "dpkg-query", "-W", "-f", "${Status} ${Version}", pkg).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// aptMirror returns the Debian archive this machine's apt uses (the first
// URI of a deb822 .sources file or a "deb" line), so debootstrap reaches
// the same mirror apt does.
func aptMirror() string {
	files, _ := filepath.Glob("/etc/apt/sources.list.d/*.sources")
	files = append(files, "/etc/apt/sources.list")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			fields := strings.Fields(line)
			switch {
			case len(fields) >= 2 && fields[0] == "URIs:" && !strings.Contains(fields[1], "security"):
				return fields[1]
			case len(fields) >= 3 && fields[0] == "deb" && !strings.HasPrefix(fields[1], "["):
				if !strings.Contains(fields[1], "security") {
					return fields[1]
				}
			}
		}
	}
	return ""
}
