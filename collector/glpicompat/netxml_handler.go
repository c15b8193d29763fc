package glpicompat

import (
	"context"
	"net/http"
	"time"

	"github.com/parcproject/parc/collector/ingest"
)

// serveXMLNetwork ingests the devices of an SNMPQUERY or NETDISCOVERY
// message, each on its own identity (the message's deviceid names the
// agent that ran the task, not the devices).
func (h *Handler) serveXMLNetwork(ctx context.Context, rw *replyWriter, req *xmlRequest) {
	reps := convertXMLNetwork(req)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
	defer cancel()
	for _, rep := range reps {
		if err := repair(rep); err != nil {
			code, m := h.status(err, rep.DeviceID)
			rw.xml(code, "<ERROR>"+xmlEscape(m)+"</ERROR>")
			return
		}
		res, err := h.ing.Ingest(ctx, ingest.Source{Origin: "glpi", Network: true}, rep)
		if err != nil {
			code, m := h.status(err, rep.DeviceID)
			rw.xml(code, "<ERROR>"+xmlEscape(m)+"</ERROR>")
			return
		}
		h.log.Info("FusionInventory network result ingested", "deviceid", rep.DeviceID, "query", req.Query,
			"itemtype", rep.ItemType, "asset_id", res.AssetID)
	}
	rw.xml(http.StatusOK, "")
}
