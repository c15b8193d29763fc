package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// walSyncer makes SQLite batch commits durable off the writer's path. A
// batch commits with synchronous=NORMAL: its pages are in the write-ahead
// log, in the OS's cache. The syncer then fsyncs the log file (one fsync
// for every batch that committed meanwhile) and only then answers the
// batch's callers. An fsync covers the whole file, so it also covers every
// earlier commit; and SQLite replays the log only up to the first frame
// that did not reach the disk, so a power cut loses only unanswered
// batches. The checkpoints SQLite runs still sync the log and the database
// themselves (synchronous=NORMAL does that).
type walSyncer struct {
	walPath string
	reqs    chan syncReq
	done    chan struct{}
	// syncFn flushes the log; tests replace it.
	syncFn func() error

	mu  sync.Mutex // guards wal
	wal *os.File   // kept open: closing a descriptor of a SQLite file is risky
}

type syncReq struct {
	jobs []*txJob
	errs []error
}

func newWALSyncer(dbPath string) *walSyncer {
	s := &walSyncer{walPath: dbPath + "-wal", reqs: make(chan syncReq, maxBatch), done: make(chan struct{})}
	s.syncFn = s.syncWAL
	go s.loop()
	return s
}

// answerAfterSync queues a committed batch; its callers get their errors
// once the log is on disk.
func (s *walSyncer) answerAfterSync(jobs []*txJob, errs []error) {
	s.reqs <- syncReq{jobs: jobs, errs: errs}
}

// close answers the queued batches. The batcher calls it after its last
// batch.
func (s *walSyncer) close() {
	close(s.reqs)
	<-s.done
}

// closeFile releases the log file's descriptor, once SQLite's own
// connections are closed: a process closing any descriptor of a file
// drops its POSIX locks on that file, so it is done last.
func (s *walSyncer) closeFile() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wal == nil {
		return nil
	}
	err := s.wal.Close()
	s.wal = nil
	return err
}

func (s *walSyncer) loop() {
	defer close(s.done)
	for first := range s.reqs {
		reqs := []syncReq{first}
	drain:
		for {
			select {
			case r, ok := <-s.reqs:
				if !ok {
					break drain
				}
				reqs = append(reqs, r)
			default:
				break drain
			}
		}
		err := s.syncFn()
		for _, r := range reqs {
			for i, j := range r.jobs {
				if err != nil {
					j.done <- fmt.Errorf("flush the write-ahead log to disk: %w", err)
					continue
				}
				j.done <- r.errs[i]
			}
		}
	}
}

// syncWAL fsyncs the write-ahead log. The descriptor is opened once and
// kept; it is reopened only if the log file was replaced (SQLite deletes
// it when the last connection closes), and the directory is synced then,
// so the new file's name is durable too.
func (s *walSyncer) syncWAL() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wal != nil {
		cur, err1 := s.wal.Stat()
		disk, err2 := os.Stat(s.walPath)
		if err1 != nil || err2 != nil || !os.SameFile(cur, disk) {
			// The old descriptor names a deleted file SQLite no longer uses.
			_ = s.wal.Close()
			s.wal = nil
		}
	}
	if s.wal == nil {
		f, err := os.OpenFile(s.walPath, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		if err := syncDir(filepath.Dir(s.walPath)); err != nil {
			_ = f.Close()
			return err
		}
		s.wal = f
	}
	return s.wal.Sync()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
