package collect

import (
	"context"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

// Env is what collectors read from. Every path a collector opens goes
// through Path, so tests point Root at a testdata tree that holds fake
// /proc, /sys, /etc and /var/lib.
type Env struct {
	// Root is the file system root, "/" on a real machine.
	Root string
	// Logger receives debug and warning lines; nil means slog.Default.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Only restricts Run to these collector names when not empty.
	Only []string
	// Concurrency bounds how many collectors run at once; 0 means GOMAXPROCS+2.
	Concurrency int
	// Command runs an external program and returns its standard output. It
	// is only for sources with no readable file format (rpm's database);
	// nil means exec.CommandContext. Tests replace it with recorded output.
	Command func(ctx context.Context, name string, args ...string) ([]byte, error)
	// Registry reads the Windows registry; nil outside Windows. Tests give
	// a recorded dump (collecttest.Registry).
	Registry Registry
	// WMI runs WMI queries; nil outside Windows. Tests give recorded
	// answers (collecttest.WMI).
	WMI WMI
}

// Path joins Root and an absolute path such as "/proc/meminfo".
func (e *Env) Path(p string) string {
	if e.Root == "" || e.Root == "/" {
		return p
	}
	return filepath.Join(e.Root, p)
}

// ReadFile reads a file below Root. A missing file is reported as
// fs.ErrNotExist wrapped in ErrNoData-compatible form by the caller.
func (e *Env) ReadFile(p string) ([]byte, error) {
	return os.ReadFile(e.Path(p))
}

// Exists says whether a path below Root exists.
func (e *Env) Exists(p string) bool {
	_, err := os.Stat(e.Path(p))
	return err == nil
}

// Glob is filepath.Glob below Root; matches are returned as absolute paths
// without the Root prefix.
func (e *Env) Glob(pattern string) ([]string, error) {
	m, err := filepath.Glob(e.Path(pattern))
	if err != nil {
		return nil, err
	}
	if e.Root == "" || e.Root == "/" {
		return m, nil
	}
	for i, p := range m {
		rel, err := filepath.Rel(e.Root, p)
		if err != nil {
			return nil, err
		}
		m[i] = "/" + filepath.ToSlash(rel)
	}
	return m, nil
}

// ReadDir lists a directory below Root.
func (e *Env) ReadDir(p string) ([]fs.DirEntry, error) {
	return os.ReadDir(e.Path(p))
}

// Run runs an external command through Env.Command.
func (e *Env) Run(ctx context.Context, name string, args ...string) ([]byte, error) {
	if e.Command != nil {
		return e.Command(ctx, name, args...)
	}
	return exec.CommandContext(ctx, name, args...).Output()
}

// Clock returns the current time through Env.Now.
func (e *Env) Clock() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

func (e *Env) logger() *slog.Logger {
	if e.Logger != nil {
		return e.Logger.With("component", "collect")
	}
	return slog.Default().With("component", "collect")
}

func (e *Env) concurrency() int {
	if e.Concurrency > 0 {
		return e.Concurrency
	}
	return runtime.GOMAXPROCS(0) + 2
}

// NewEnv returns the Env of the real machine: Root "/", and on Windows the
// live registry and the WMI worker. Call Close when done.
func NewEnv(logger *slog.Logger) *Env {
	e := &Env{Root: "/", Logger: logger}
	platformSources(e)
	return e
}
