package collect

import (
	"runtime"
	"sync"
	"weak"
)

// macProfiles shares one system_profiler answer between the collectors of
// one Run: they run concurrently, and each would otherwise pay the second
// it takes. The answer is kept per Env (a new Env is made for every
// inventory, so a service never reports a stale battery), and only while
// the Env is alive: keys are weak pointers, and an entry is dropped when
// its Env is collected. Failures are kept too: a Mac without
// system_profiler does not get asked six times.
var macProfiles = newEnvMemo[*macProfile]()

// envMemo runs a function at most once per Env, concurrent callers
// waiting for the first one's answer.
type envMemo[T any] struct {
	mu      sync.Mutex
	entries map[weak.Pointer[Env]]*memoEntry[T]
}

type memoEntry[T any] struct {
	once sync.Once
	val  T
	err  error
}

func newEnvMemo[T any]() *envMemo[T] {
	return &envMemo[T]{entries: map[weak.Pointer[Env]]*memoEntry[T]{}}
}

// get returns fn's answer for env, calling fn only the first time.
func (m *envMemo[T]) get(env *Env, fn func() (T, error)) (T, error) {
	key := weak.Make(env)
	m.mu.Lock()
	e, ok := m.entries[key]
	if !ok {
		e = &memoEntry[T]{}
		m.entries[key] = e
		// The cleanup may not refer to env itself, or env would never be
		// collected.
		runtime.AddCleanup(env, m.forget, key)
	}
	m.mu.Unlock()
	e.once.Do(func() { e.val, e.err = fn() })
	return e.val, e.err
}

func (m *envMemo[T]) forget(key weak.Pointer[Env]) {
	m.mu.Lock()
	delete(m.entries, key)
	m.mu.Unlock()
}

// len says how many Envs have an entry (for tests).
func (m *envMemo[T]) len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.entries)
}
