package glpicompat

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/pkg/inventory"
)

// serveJSONNetwork ingests a GLPI Agent netdiscovery or netinventory
// result: one device per message, on the device's own identity.
func (h *Handler) serveJSONNetwork(ctx context.Context, rw *replyWriter, agentID string, body []byte) {
	var rep inventory.Report
	if err := json.Unmarshal(body, &rep); err != nil {
		rw.json(http.StatusBadRequest, map[string]any{"status": "error", "message": "invalid inventory: " + err.Error()})
		return
	}
	if err := repair(&rep); err != nil {
		code, m := h.status(err, rep.DeviceID)
		rw.json(code, map[string]any{"status": "error", "message": m})
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
	defer cancel()
	res, err := h.ing.Ingest(ctx, ingest.Source{Origin: "glpi", Network: true}, &rep)
	if err != nil {
		code, m := h.status(err, rep.DeviceID)
		rw.json(code, map[string]any{"status": "error", "message": m})
		return
	}
	h.log.Info("GLPI Agent network result ingested", "deviceid", rep.DeviceID, "agent_uuid", agentID,
		"action", rep.Action, "itemtype", rep.ItemType, "asset_id", res.AssetID)
	rw.json(http.StatusOK, map[string]any{"status": "ok"})
}
