package web

import (
	"context"

	"github.com/parcproject/parc/collector/store"
)

// assetTickets are an asset's tickets, open and past, newest first, for
// the asset page.
func (s *Server) assetTickets(ctx context.Context, assetID int64) (ticketListData, error) {
	tq, err := s.tickets()
	if err != nil {
		return ticketListData{}, err
	}
	page, err := tq.ListTickets(ctx, store.AssetTicketFilter(assetID))
	if err != nil {
		return ticketListData{}, err
	}
	return ticketListData{Rows: ticketRows(page.Tickets), Sorts: sortHeaders(ticketQuery{}, "")}, nil
}
