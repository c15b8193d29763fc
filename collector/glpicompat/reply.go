package glpicompat

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"encoding/xml"
	"net/http"
)

// replyWriter answers compressed the way the request was, which is what
// every agent version reads.
type replyWriter struct {
	w    http.ResponseWriter
	comp string // "", "gzip" or "deflate" (zlib)
}

func (rw *replyWriter) json(code int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		rw.send(http.StatusInternalServerError, "text/plain", []byte("internal error"))
		return
	}
	rw.send(code, "application/json", data)
}

func (rw *replyWriter) xml(code int, inner string) {
	rw.send(code, "application/xml", []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n<REPLY>"+inner+"</REPLY>\n"))
}

func (rw *replyWriter) send(code int, ctype string, body []byte) {
	var buf bytes.Buffer
	switch rw.comp {
	case "deflate":
		zw := zlib.NewWriter(&buf)
		zw.Write(body)
		zw.Close()
		body, ctype = buf.Bytes(), "application/x-compress-zlib"
	case "gzip":
		gw := gzip.NewWriter(&buf)
		gw.Write(body)
		gw.Close()
		body, ctype = buf.Bytes(), "application/x-compress-gzip"
	}
	rw.w.Header().Set("Content-Type", ctype)
	rw.w.WriteHeader(code)
	rw.w.Write(body)
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
