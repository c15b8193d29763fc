package store

import (
	"context"
	"fmt"
	"strings"
)

func (q *queries) LinkTicketAsset(ctx context.Context, ticketID, assetID int64) error {
	_, err := q.exec(ctx, "INSERT INTO ticket_assets (ticket_id, asset_id) VALUES (?, ?)", ticketID, assetID)
	return q.conflict(err, fmt.Sprintf("link asset %d to ticket %d", assetID, ticketID))
}

func (q *queries) UnlinkTicketAsset(ctx context.Context, ticketID, assetID int64) error {
	res, err := q.exec(ctx, "DELETE FROM ticket_assets WHERE ticket_id = ? AND asset_id = ?", ticketID, assetID)
	if err != nil {
		return fmt.Errorf("unlink asset %d from ticket %d: %w", assetID, ticketID, err)
	}
	return mustAffect(res, fmt.Sprintf("unlink asset %d from ticket %d", assetID, ticketID))
}

func (q *queries) TicketAssets(ctx context.Context, ticketID int64) ([]Asset, error) {
	rows, err := q.query(ctx, "SELECT "+prefixed("a.", assetColumns)+` FROM assets a
		JOIN ticket_assets ta ON ta.asset_id = a.id WHERE ta.ticket_id = ? ORDER BY a.name, a.id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("assets of ticket %d: %w", ticketID, err)
	}
	return collectAssets(rows, fmt.Sprintf("assets of ticket %d", ticketID))
}

func (q *queries) UserDevices(ctx context.Context, userID int64, login string) ([]Asset, error) {
	login = strings.ToLower(strings.TrimSpace(login))
	if login == "" {
		login = "\x00" // matches no last user
	}
	// Windows reports "DOMAIN\login": match the part after the backslash.
	// "!" escapes LIKE's wildcards so a login with "_" matches literally.
	esc := strings.NewReplacer("!", "!!", "%", "!%", "_", "!_").Replace(login)
	rows, err := q.query(ctx, "SELECT "+prefixed("a.", assetColumns)+` FROM assets a WHERE a.type = ?
		AND (a.owner_id = ? OR lower(a.last_user) = ? OR lower(a.last_user) LIKE ? ESCAPE '!')
		ORDER BY a.name, a.id LIMIT 100`, TypeComputer, userID, login, `%\`+esc)
	if err != nil {
		return nil, fmt.Errorf("devices of user %d: %w", userID, err)
	}
	return collectAssets(rows, fmt.Sprintf("devices of user %d", userID))
}

// AssetTicketFilter is the TicketFilter of an asset's tickets, newest first.
func AssetTicketFilter(assetID int64) TicketFilter {
	return TicketFilter{AssetID: assetID, Sort: "opened", Desc: true, Limit: 100}
}
