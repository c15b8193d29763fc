package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Asset types.
const (
	TypeComputer   = "computer"
	TypeMonitor    = "monitor"
	TypePrinter    = "printer"
	TypeNetwork    = "network"
	TypePeripheral = "peripheral"
	TypePhone      = "phone"
)

// AssetTypes lists every asset type, in display order.
var AssetTypes = []string{TypeComputer, TypeMonitor, TypePrinter, TypeNetwork, TypePeripheral, TypePhone}

// Asset is one item of the park. The inventoried fields (Name to IP) are
// written by ingest unless locked; the others belong to people.
type Asset struct {
	ID           int64
	Type         string
	Name         string
	UUID         string
	Serial       string
	Manufacturer string
	Model        string
	Chassis      string // e.g. "Laptop"
	OSName       string // e.g. "Debian GNU/Linux 12 (bookworm)"
	OSVersion    string
	OSArch       string
	OSKernel     string
	Domain       string // workgroup or AD domain
	LastUser     string
	CPU          string // first CPU's name
	MemoryMB     int64
	Firmware     string // BIOS or device firmware version
	IP           string // first IPv4 address, for display
	// InventoryNumber is the asset tag (from SMBIOS or typed by a person).
	InventoryNumber string
	Comment         string
	LocationID      int64
	StateID         int64
	ParentID        int64 // the computer a monitor is connected to
	OwnerID         int64 // the user the asset is assigned to
	// Financial data, typed by people: dates are "YYYY-MM-DD".
	PurchaseDate  string
	Supplier      string
	OrderNumber   string
	PurchaseCents int64 // purchase value in cents of the site's currency
	WarrantyEnd   string
	// UUIDKey, SerialKey and NameKey are the normalised identifiers used by
	// reconciliation; empty when the value is junk, so junk never matches.
	UUIDKey, SerialKey, NameKey string
	DeviceID                    string // deviceid of the last report
	Source                      string // "agent", "glpi", "manual"
	LastInventoryAt             time.Time
	CreatedAt                   time.Time
	UpdatedAt                   time.Time
	// stored holds the column values as last read or written, so
	// UpdateAsset writes only the columns that changed: every assets
	// column is indexed for the park list, and an UPDATE that sets a
	// column rewrites its index entries even when the value is the same.
	stored *assetRow
}

// assetRow is an asset's writable column values, in assetWriteColumns order.
type assetRow [len(assetWriteColumns)]any

// assetWriteColumns are the columns assetArgs gives values for.
var assetWriteColumns = [...]string{"type", "name", "uuid", "serial", "manufacturer", "model", "chassis",
	"os_name", "os_version", "os_arch", "os_kernel", "domain", "last_user", "cpu", "memory_mb", "firmware", "ip",
	"inventory_number", "comment", "location_id", "state_id", "parent_id", "owner_id", "purchase_date", "supplier",
	"order_number", "purchase_cents", "warranty_end", "uuid_key", "serial_key", "name_key",
	"deviceid", "source", "last_inventory_at", "created_at", "updated_at", "search_text"}

const assetColumns = `id, type, name, uuid, serial, manufacturer, model, chassis, os_name, os_version,
	os_arch, os_kernel, domain, last_user, cpu, memory_mb, firmware, ip, inventory_number, comment,
	location_id, state_id, parent_id, owner_id, purchase_date, supplier, order_number, purchase_cents,
	warranty_end, uuid_key, serial_key, name_key, deviceid, source, last_inventory_at, created_at, updated_at`

// searchText is the lower-case text ListAssets' Query matches: the
// fields people search by, in one column.
func searchText(a *Asset) string {
	return strings.ToLower(strings.Join([]string{a.Name, a.Serial, a.InventoryNumber, a.Model, a.Manufacturer,
		a.OSName, a.LastUser, a.UUID, a.IP}, " "))
}

func scanAsset(s scanner) (*Asset, error) {
	var a Asset
	var loc, state, parent, owner, lastInv, created, updated sql.NullInt64
	var uk, sk, nk sql.NullString
	err := s.Scan(&a.ID, &a.Type, &a.Name, &a.UUID, &a.Serial, &a.Manufacturer, &a.Model, &a.Chassis,
		&a.OSName, &a.OSVersion, &a.OSArch, &a.OSKernel, &a.Domain, &a.LastUser, &a.CPU, &a.MemoryMB,
		&a.Firmware, &a.IP, &a.InventoryNumber, &a.Comment, &loc, &state, &parent, &owner,
		&a.PurchaseDate, &a.Supplier, &a.OrderNumber, &a.PurchaseCents, &a.WarrantyEnd, &uk, &sk, &nk,
		&a.DeviceID, &a.Source, &lastInv, &created, &updated)
	if err != nil {
		return nil, err
	}
	a.LocationID, a.StateID, a.ParentID, a.OwnerID = loc.Int64, state.Int64, parent.Int64, owner.Int64
	a.UUIDKey, a.SerialKey, a.NameKey = uk.String, sk.String, nk.String
	a.LastInventoryAt, a.CreatedAt, a.UpdatedAt = fromMS(lastInv), fromMS(created), fromMS(updated)
	a.remember()
	return &a, nil
}

// remember records the asset's values as the stored ones.
func (a *Asset) remember() {
	row := assetArgs(a)
	a.stored = &row
}

// assetArgs are the values of every column but id, in assetWriteColumns order.
func assetArgs(a *Asset) assetRow {
	return assetRow{a.Type, a.Name, a.UUID, a.Serial, a.Manufacturer, a.Model, a.Chassis,
		a.OSName, a.OSVersion, a.OSArch, a.OSKernel, a.Domain, a.LastUser, a.CPU, a.MemoryMB,
		a.Firmware, a.IP, a.InventoryNumber, a.Comment, nullID(a.LocationID), nullID(a.StateID),
		nullID(a.ParentID), nullID(a.OwnerID), a.PurchaseDate, a.Supplier, a.OrderNumber, a.PurchaseCents,
		a.WarrantyEnd, nullStr(a.UUIDKey), nullStr(a.SerialKey), nullStr(a.NameKey),
		a.DeviceID, a.Source, ms(a.LastInventoryAt), ms(a.CreatedAt), ms(a.UpdatedAt), searchText(a)}
}

func (q *queries) CreateAsset(ctx context.Context, a *Asset) error {
	now := time.Now().UTC()
	if a.CreatedAt.IsZero() {
		a.CreatedAt = now
	}
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = a.CreatedAt
	}
	row := assetArgs(a)
	err := q.writeRow(ctx, "INSERT INTO assets ("+strings.Join(assetWriteColumns[:], ", ")+") VALUES ("+
		placeholders(len(row))+") RETURNING id", row[:]...).Scan(&a.ID)
	if err != nil {
		return q.conflict(err, "create asset")
	}
	a.stored = &row
	return nil
}

func (q *queries) GetAsset(ctx context.Context, id int64) (*Asset, error) {
	a, err := scanAsset(q.queryRow(ctx, "SELECT "+assetColumns+" FROM assets WHERE id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("get asset %d", id))
	}
	return a, nil
}

// UpdateAsset writes the columns that differ from the values last read or
// written (all of them for an asset not read from the store).
func (q *queries) UpdateAsset(ctx context.Context, a *Asset) error {
	what := fmt.Sprintf("update asset %d", a.ID)
	row := assetArgs(a)
	var set []string
	var args []any
	for i, v := range row {
		if a.stored == nil || a.stored[i] != v {
			set = append(set, assetWriteColumns[i]+" = ?")
			args = append(args, v)
		}
	}
	if len(set) == 0 {
		// Nothing to write; still say whether the asset exists.
		var one int
		if err := q.writeRow(ctx, "SELECT 1 FROM assets WHERE id = ?", a.ID).Scan(&one); err != nil {
			return notFound(err, what)
		}
		return nil
	}
	res, err := q.exec(ctx, "UPDATE assets SET "+strings.Join(set, ", ")+" WHERE id = ?", append(args, a.ID)...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := mustAffect(res, what); err != nil {
		return err
	}
	a.stored = &row
	return nil
}

func (q *queries) DeleteAsset(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, "DELETE FROM assets WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete asset %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete asset %d", id))
}

func (q *queries) ListChildren(ctx context.Context, parentID int64, assetType string) ([]Asset, error) {
	rows, err := q.query(ctx, "SELECT "+assetColumns+" FROM assets WHERE parent_id = ? AND type = ? ORDER BY id",
		parentID, assetType)
	if err != nil {
		return nil, fmt.Errorf("list children of asset %d: %w", parentID, err)
	}
	return collectAssets(rows, fmt.Sprintf("list children of asset %d", parentID))
}

func collectAssets(rows *sql.Rows, what string) ([]Asset, error) {
	defer rows.Close()
	var out []Asset
	for rows.Next() {
		a, err := scanAsset(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, *a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

func (q *queries) CountAssetsByType(ctx context.Context) (map[string]int, error) {
	rows, err := q.query(ctx, "SELECT type, COUNT(*) FROM assets GROUP BY type")
	if err != nil {
		return nil, fmt.Errorf("count assets: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, fmt.Errorf("count assets: %w", err)
		}
		out[t] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count assets: %w", err)
	}
	return out, nil
}
