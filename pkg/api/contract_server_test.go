package api

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"
)

// contractServer implements the documented contract of api.go, to test the
// client's side of the protocol.
type contractServer struct {
	t       *testing.T
	secret  string
	token   string
	mu      sync.Mutex
	reports map[string][]byte // report ID -> decompressed body
	headers http.Header       // of the last inventory request
}

func newContractServer(t *testing.T) *contractServer {
	return &contractServer{t: t, secret: "site-secret", token: "tok-123", reports: map[string][]byte{}}
}

func writeErr(w http.ResponseWriter, code int, e Error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(e)
}

func (s *contractServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeErr(w, 405, Error{Error: "POST only"})
		return
	}
	if r.URL.Path != PathEnroll && r.Header.Get("Authorization") != "Bearer "+s.token {
		writeErr(w, 401, Error{Error: "unknown or revoked token; enrol again"})
		return
	}
	switch r.URL.Path {
	case PathEnroll:
		var req EnrollRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.DeviceID == "" {
			writeErr(w, 400, Error{Error: "bad request", Fields: []FieldError{{Field: "deviceid", Reason: "is required"}}})
			return
		}
		if req.Secret != s.secret {
			writeErr(w, 403, Error{Error: "wrong enrolment secret"})
			return
		}
		json.NewEncoder(w).Encode(EnrollResponse{AgentID: "a1", Token: s.token})
	case PathContact:
		var req ContactRequest
		json.NewDecoder(r.Body).Decode(&req)
		inv := InventoryNone
		if req.LastFullInventory == "" {
			inv = InventoryFull
		}
		json.NewEncoder(w).Encode(ContactResponse{Inventory: inv, NextContactSeconds: 3600})
	case PathInventory:
		s.inventory(w, r)
	default:
		writeErr(w, 404, Error{Error: "no such path"})
	}
}

func (s *contractServer) inventory(w http.ResponseWriter, r *http.Request) {
	id := r.Header.Get(HeaderReportID)
	if r.Header.Get("Content-Encoding") != "gzip" || id == "" {
		writeErr(w, 400, Error{Error: "want a gzip body and a report ID"})
		return
	}
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		writeErr(w, 400, Error{Error: "not gzip"})
		return
	}
	body, err := io.ReadAll(zr)
	if err != nil || !json.Valid(body) {
		writeErr(w, 400, Error{Error: "not JSON"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.headers = r.Header.Clone()
	_, dup := s.reports[id]
	if !dup {
		s.reports[id] = body
	}
	json.NewEncoder(w).Encode(InventoryResponse{AssetID: "42", Duplicate: dup})
}

func newClient(t *testing.T, o ClientOptions) *Client {
	t.Helper()
	if o.Version == "" {
		o.Version = "0.1.0"
	}
	c, err := NewClient(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
