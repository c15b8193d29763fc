package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// PathSysObjectIDs serves the collector's copy of sysobject.ids (GLPI's
// GPL-2.0 database of sysObjectID prefixes, tab-separated text) to
// authenticated agents, with an ETag, so an agent running network tasks
// identifies devices as the collector does.
const PathSysObjectIDs = "/api/v1/sysobject-ids"

// MaxSysObjectIDsBytes bounds the sysobject.ids an agent accepts (the file
// is about 450 KB in 2026).
const MaxSysObjectIDsBytes = 16 << 20

// SysObjectIDs is the answer to GET PathSysObjectIDs.
type SysObjectIDs struct {
	// NotModified is true when the collector's copy still has the ETag
	// the agent sent; Data is then nil.
	NotModified bool
	// ETag identifies this version of the file, e.g. "\"9f86d08…\"".
	ETag string
	// Data is the file's text.
	Data []byte
}

// SysObjectIDs downloads the collector's sysobject.ids. With etag (the
// ETag of the copy the agent holds), an unchanged file costs a 304 and
// comes back with NotModified set. A collector without the file answers
// 404, returned as a *StatusError.
func (c *Client) SysObjectIDs(ctx context.Context, token, etag string) (*SysObjectIDs, error) {
	hdr := http.Header{}
	if etag != "" {
		hdr.Set("If-None-Match", etag)
	}
	req, err := c.newRequest(ctx, http.MethodGet, PathSysObjectIDs, token, hdr, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/plain, application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, &NetError{Server: c.base.String(), Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return &SysObjectIDs{NotModified: true, ETag: etag}, nil
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxSysObjectIDsBytes+1))
	if err != nil {
		return nil, &NetError{Server: c.base.String(), Err: fmt.Errorf("read answer: %w", err)}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, newStatusError(PathSysObjectIDs, resp, data)
	}
	if len(data) > MaxSysObjectIDsBytes {
		return nil, fmt.Errorf("collector at %s sent a sysobject.ids larger than %d bytes", c.base, MaxSysObjectIDsBytes)
	}
	return &SysObjectIDs{ETag: resp.Header.Get("ETag"), Data: data}, nil
}
