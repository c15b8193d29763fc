package service

import (
	"bytes"
	"io"
	"strings"
	"sync"

	ksvc "github.com/kardianos/service"
)

// LogWriter returns an io.Writer that forwards each log line to the
// service manager's log (the Windows event log, syslog elsewhere), at the
// level the line's "level=" field names. A Windows service has no stderr,
// so this is where its logs go.
func LogWriter(s ksvc.Service) (io.Writer, error) {
	l, err := s.Logger(nil)
	if err != nil {
		return nil, err
	}
	return &lineWriter{log: l}, nil
}

type lineWriter struct {
	mu  sync.Mutex
	log ksvc.Logger
	buf []byte
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			break
		}
		line := string(w.buf[:i])
		w.buf = w.buf[i+1:]
		switch {
		case strings.Contains(line, "level=ERROR"), strings.Contains(line, `"level":"ERROR"`):
			w.log.Error(line)
		case strings.Contains(line, "level=WARN"), strings.Contains(line, `"level":"WARN"`):
			w.log.Warning(line)
		default:
			w.log.Info(line)
		}
	}
	return len(p), nil
}
