package glpicompat

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/version"
)

// Paths older agents post to, depending on how their server URL was set.
var Paths = []string{"/", "/front/inventory.php", "/plugins/fusioninventory/", "/glpi/plugins/fusioninventory/",
	"/glpi/front/inventory.php", "/ocsinventory"}

// Options configure the compatible endpoint.
type Options struct {
	Username, Password string       // HTTP basic auth, when Username is set
	AllowedNets        []*net.IPNet // client networks allowed; empty allows all
	MaxBodyBytes       int64
	MaxInflatedBytes   int64
	ExpirationHours    int // how often agents should come back (PROLOG_FREQ, expiration)
}

// Handler serves GLPI Agent and FusionInventory/OCS agents.
type Handler struct {
	ing  *ingest.Ingester
	log  *slog.Logger
	opts Options
}

// New returns the compatible endpoint's handler.
func New(ing *ingest.Ingester, log *slog.Logger, opts Options) *Handler {
	if opts.ExpirationHours <= 0 {
		opts.ExpirationHours = 24
	}
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = 32 << 20
	}
	if opts.MaxInflatedBytes == 0 {
		opts.MaxInflatedBytes = ingest.DefaultMaxInflated
	}
	return &Handler{ing: ing, log: log.With("component", "glpicompat"), opts: opts}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !h.allowed(r) {
		h.log.Warn("GLPI-compatible request refused: client network not allowed", "remote_addr", r.RemoteAddr)
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if h.opts.Username != "" {
		u, p, ok := r.BasicAuth()
		if !ok || subtle.ConstantTimeCompare([]byte(u), []byte(h.opts.Username)) != 1 ||
			subtle.ConstantTimeCompare([]byte(p), []byte(h.opts.Password)) != 1 {
			w.Header().Set("WWW-Authenticate", `Basic realm="parc"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes))
	if err != nil {
		http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		return
	}
	comp := sniffCompression(raw, r.Header.Get("Content-Encoding"))
	body, err := ingest.DecodeBody(bytes.NewReader(raw), comp, "", h.opts.MaxInflatedBytes)
	if errors.Is(err, ingest.ErrTooLarge) {
		http.Error(w, "report too large", http.StatusRequestEntityTooLarge)
		return
	}
	if err != nil {
		http.Error(w, "cannot decompress the body", http.StatusBadRequest)
		return
	}
	rw := &replyWriter{w: w, comp: comp}
	switch first := firstByte(body); first {
	case '{':
		h.serveJSON(r.Context(), rw, r.Header.Get("GLPI-Agent-ID"), body)
	case '<':
		h.serveXML(r.Context(), rw, body)
	default:
		rw.send(http.StatusBadRequest, "text/plain", []byte("expected a JSON or XML message"))
	}
}

func (h *Handler) allowed(r *http.Request) bool {
	if len(h.opts.AllowedNets) == 0 {
		return true
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	for _, n := range h.opts.AllowedNets {
		if ip != nil && n.Contains(ip) {
			return true
		}
	}
	return false
}

// sniffCompression tells the body's compression from its magic bytes
// (agents label it inconsistently: x-compress-zlib, x-compress, none).
func sniffCompression(b []byte, contentEncoding string) string {
	switch {
	case len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b:
		return "gzip"
	case len(b) >= 2 && b[0]&0x0f == 8 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0:
		return "deflate"
	case contentEncoding == "gzip" || contentEncoding == "deflate":
		return contentEncoding
	}
	return ""
}

func firstByte(b []byte) byte {
	b = bytes.TrimLeft(b, " \t\r\n\xef\xbb\xbf")
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// ingestReport repairs and stores a report from an older agent.
func (h *Handler) ingestReport(ctx context.Context, rep *inventory.Report) (ingest.Result, error) {
	if err := repair(rep); err != nil {
		return ingest.Result{}, err
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
	defer cancel()
	return h.ing.Ingest(ctx, ingest.Source{Origin: "glpi"}, rep)
}

// status maps an ingest error to an HTTP status and a message.
func (h *Handler) status(err error, deviceid string) (int, string) {
	var ve *inventory.ValidationError
	switch {
	case errors.As(err, &ve):
		return http.StatusBadRequest, ve.Error()
	case errors.Is(err, ingest.ErrForbidden):
		h.log.Warn("GLPI-compatible report refused: the asset belongs to a Parc agent", "deviceid", deviceid)
		return http.StatusForbidden, "this machine is managed by a Parc agent"
	default:
		h.log.Error("ingest GLPI-compatible report", "deviceid", deviceid, "err", err)
		return http.StatusInternalServerError, "internal error, try again later"
	}
}

func (h *Handler) serveJSON(ctx context.Context, rw *replyWriter, agentID string, body []byte) {
	var msg struct {
		Action   string `json:"action"`
		DeviceID string `json:"deviceid"`
	}
	if err := json.Unmarshal(body, &msg); err != nil {
		rw.json(http.StatusBadRequest, map[string]any{"status": "error", "message": "invalid JSON"})
		return
	}
	switch msg.Action {
	case "contact":
		rw.json(http.StatusOK, map[string]any{"status": "ok", "expiration": h.opts.ExpirationHours,
			"tasks": map[string]any{"inventory": map[string]any{"server": "glpi", "version": "parc-" + version.Version}}})
	case inventory.ActionInventory:
		var rep inventory.Report
		if err := json.Unmarshal(body, &rep); err != nil {
			rw.json(http.StatusBadRequest, map[string]any{"status": "error", "message": "invalid inventory: " + err.Error()})
			return
		}
		res, err := h.ingestReport(ctx, &rep)
		if err != nil {
			code, m := h.status(err, rep.DeviceID)
			rw.json(code, map[string]any{"status": "error", "message": m})
			return
		}
		h.log.Info("GLPI Agent report ingested", "deviceid", rep.DeviceID, "agent_uuid", agentID, "asset_id", res.AssetID)
		rw.json(http.StatusOK, map[string]any{"status": "ok", "expiration": h.opts.ExpirationHours})
	case inventory.ActionNetDiscovery, inventory.ActionNetInventory:
		h.serveJSONNetwork(ctx, rw, agentID, body)
	default:
		rw.json(http.StatusOK, map[string]any{"status": "error", "message": fmt.Sprintf("action %q is not supported by this server", msg.Action)})
	}
}

func (h *Handler) serveXML(ctx context.Context, rw *replyWriter, body []byte) {
	req, err := parseRequest(body)
	if err != nil {
		rw.xml(http.StatusBadRequest, "<ERROR>"+xmlEscape(err.Error())+"</ERROR>")
		return
	}
	switch req.Query {
	case "PROLOG":
		rw.xml(http.StatusOK, fmt.Sprintf("<RESPONSE>SEND</RESPONSE><PROLOG_FREQ>%d</PROLOG_FREQ>", h.opts.ExpirationHours))
	case "INVENTORY":
		rep := convertXMLInventory(req)
		res, err := h.ingestReport(ctx, rep)
		if err != nil {
			code, m := h.status(err, rep.DeviceID)
			rw.xml(code, "<ERROR>"+xmlEscape(m)+"</ERROR>")
			return
		}
		h.log.Info("FusionInventory/OCS report ingested", "deviceid", rep.DeviceID, "asset_id", res.AssetID)
		rw.xml(http.StatusOK, "<RESPONSE>no_account_update</RESPONSE>")
	case "SNMPQUERY", "NETDISCOVERY":
		h.serveXMLNetwork(ctx, rw, req)
	default:
		rw.xml(http.StatusOK, "")
	}
}
