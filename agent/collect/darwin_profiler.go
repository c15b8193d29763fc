package collect

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// macProfilerPath and macProfilerTypes are the one system_profiler call the
// macOS collectors share. The serial number, model, platform UUID, boot ROM,
// memory modules, GPUs, displays, battery health and disks live in IOKit,
// which Go cannot reach without cgo (gopsutil only opens a few IOKit
// counters through purego), and no file on disk holds them. system_profiler
// is Apple's own reader of those registries; these data types answer in
// about a second together (SPApplicationsDataType, which takes far longer,
// is left out: applications are read from their Info.plist files).
const macProfilerPath = "/usr/sbin/system_profiler"

// macProfilerTimeout bounds the call: system_profiler can hang on a
// display or disk that does not answer, and every collector that reads it
// would wait.
const macProfilerTimeout = 30 * time.Second

var macProfilerTypes = []string{
	"SPHardwareDataType", "SPSoftwareDataType", "SPMemoryDataType",
	"SPDisplaysDataType", "SPPowerDataType", "SPStorageDataType",
	"SPNVMeDataType", "SPSerialATADataType",
}

// macProfile is the part of `system_profiler -json` the collectors read.
// Every data type is a list of items; nested controllers keep their
// devices under "_items".
type macProfile struct {
	Hardware []spHardware   `json:"SPHardwareDataType"`
	Software []spSoftware   `json:"SPSoftwareDataType"`
	Memory   []spMemory     `json:"SPMemoryDataType"`
	Displays []spGPU        `json:"SPDisplaysDataType"`
	Power    []spPower      `json:"SPPowerDataType"`
	Storage  []spVolume     `json:"SPStorageDataType"`
	NVMe     []spController `json:"SPNVMeDataType"`
	SATA     []spController `json:"SPSerialATADataType"`
}

type spHardware struct {
	MachineName    spText `json:"machine_name"`  // "MacBook Pro"
	MachineModel   spText `json:"machine_model"` // "MacBookPro18,3"
	ModelNumber    spText `json:"model_number"`  // "MKGR3FN/A"
	ChipType       spText `json:"chip_type"`     // Apple silicon: "Apple M1 Pro"
	CPUType        spText `json:"cpu_type"`      // Intel: "6-Core Intel Core i5"
	CPUSpeed       spText `json:"current_processor_speed"`
	Processors     spText `json:"number_processors"` // "proc 10:8:2" or 6
	Packages       spText `json:"packages"`
	PhysicalMemory spText `json:"physical_memory"` // "16 GB"
	BootROM        spText `json:"boot_rom_version"`
	SerialNumber   spText `json:"serial_number"`
	PlatformUUID   spText `json:"platform_UUID"`
}

type spSoftware struct {
	OSVersion     spText `json:"os_version"`     // "macOS 14.5 (23F79)"
	KernelVersion spText `json:"kernel_version"` // "Darwin 23.5.0"
	LocalHostName spText `json:"local_host_name"`
	UserName      spText `json:"user_name"` // "Jean Dupont (jdupont)"
}

// spMemory is either Apple silicon's unified memory (one item, size in
// the key named after the data type) or an Intel Mac's "Memory Slots"
// group with one item per DIMM.
type spMemory struct {
	Name         spText   `json:"_name"`
	Size         spText   `json:"SPMemoryDataType"`
	Manufacturer spText   `json:"dimm_manufacturer"`
	Type         spText   `json:"dimm_type"`
	Items        []spDIMM `json:"_items"`
}

type spDIMM struct {
	Name         spText `json:"_name"` // "BANK 0/ChannelA-DIMM0"
	Size         spText `json:"dimm_size"`
	Type         spText `json:"dimm_type"`
	Speed        spText `json:"dimm_speed"`
	Status       spText `json:"dimm_status"`
	Manufacturer spText `json:"dimm_manufacturer"`
	PartNumber   spText `json:"dimm_part_number"`
	SerialNumber spText `json:"dimm_serial_number"`
}

type spGPU struct {
	Name       spText      `json:"_name"`
	Model      spText      `json:"sppci_model"`
	Vendor     spText      `json:"spdisplays_vendor"`
	VRAM       spText      `json:"spdisplays_vram"`
	VRAMShared spText      `json:"spdisplays_vram_shared"`
	VRAMAlt    spText      `json:"_spdisplays_vram"`
	Bus        spText      `json:"sppci_bus"`
	Displays   []spDisplay `json:"spdisplays_ndrvs"`
}

type spDisplay struct {
	Name         spText `json:"_name"`
	Serial       spText `json:"spdisplays_display-serial-number"`  // the EDID's serial string
	SerialNumber spText `json:"_spdisplays_display-serial-number"` // the EDID's numeric serial, hex
	VendorID     spText `json:"_spdisplays_display-vendor-id"`     // EDID maker ID as hex, "10ac"
	ProductID    spText `json:"_spdisplays_display-product-id"`
	Week         spText `json:"_spdisplays_display-week"`
	Year         spText `json:"_spdisplays_display-year"`
	Pixels       spText `json:"_spdisplays_pixels"` // "3456 x 2234"
	Connection   spText `json:"spdisplays_connection_type"`
	DisplayType  spText `json:"spdisplays_display_type"`
}

type spPower struct {
	Name    spText `json:"_name"`                   // "spbattery_information" for the battery
	Voltage spText `json:"sppower_current_voltage"` // mV, Intel Macs
	Charge  struct {
		MaxCapacity spText `json:"sppower_battery_max_capacity"` // mAh, Intel Macs
	} `json:"sppower_battery_charge_info"`
	Health struct {
		CycleCount  spText `json:"sppower_battery_cycle_count"`
		Condition   spText `json:"sppower_battery_health"`
		MaxCapacity spText `json:"sppower_battery_health_maximum_capacity"` // "87%"
	} `json:"sppower_battery_health_info"`
	Model struct {
		Serial       spText `json:"sppower_battery_serial_number"`
		DeviceName   spText `json:"sppower_battery_device_name"`
		Manufacturer spText `json:"sppower_battery_manufacturer"`
	} `json:"sppower_battery_model_info"`
}

type spVolume struct {
	Name       spText `json:"_name"`
	BSDName    spText `json:"bsd_name"`
	FileSystem spText `json:"file_system"`
	MountPoint spText `json:"mount_point"`
	Physical   struct {
		DeviceName spText `json:"device_name"`
		Internal   spText `json:"is_internal_disk"`
		MediumType spText `json:"medium_type"` // "ssd", "rotational"
		Protocol   spText `json:"protocol"`    // "Apple Fabric", "PCI-Express", "SATA", "USB"
	} `json:"physical_drive"`
}

type spController struct {
	Name  spText    `json:"_name"`
	Items []spDrive `json:"_items"`
}

type spDrive struct {
	Name        spText `json:"_name"`
	BSDName     spText `json:"bsd_name"`
	Model       spText `json:"device_model"`
	Revision    spText `json:"device_revision"`
	Serial      spText `json:"device_serial"`
	SizeInBytes spText `json:"size_in_bytes"`
	Removable   spText `json:"removable_media"`
	Detachable  spText `json:"detachable_drive"`
	MediumType  spText `json:"spsata_medium_type"`
}

// spText is a leaf value of system_profiler's JSON. Apple writes most
// values as strings but some as numbers ("number_processors" on Intel,
// cycle counts) and changes that between releases, so any scalar is kept
// as its text.
type spText string

// UnmarshalJSON implements json.Unmarshaler.
func (t *spText) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = spText(s)
	case len(b) > 0 && (b[0] == '{' || b[0] == '['):
		*t = "" // an object where a value was expected: ignore it
	case string(b) == "null":
		*t = ""
	default:
		*t = spText(b)
	}
	return nil
}

// Int reads the leading integer of the text ("87%" gives 87).
func (t spText) Int() (int64, bool) {
	s := string(t)
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	n, err := strconv.ParseInt(s[:end], 10, 64)
	return n, err == nil
}

// parseMacProfile decodes `system_profiler -json` output.
func parseMacProfile(b []byte) (*macProfile, error) {
	var p macProfile
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("parse system_profiler json: %w", err)
	}
	return &p, nil
}

// readMacProfile runs system_profiler once per Env (see macProfileMemo):
// bios, memories, videos, monitors, batteries and storages all read it.
func readMacProfile(ctx context.Context, env *Env) (*macProfile, error) {
	return macProfiles.get(env, func() (*macProfile, error) {
		ctx, cancel := context.WithTimeout(ctx, macProfilerTimeout)
		defer cancel()
		// No -detailLevel: "mini" and "basic" drop the serial numbers.
		args := append([]string{"-json"}, macProfilerTypes...)
		out, err := env.Run(ctx, macProfilerPath, args...)
		if err != nil {
			return nil, fmt.Errorf("run system_profiler: %v: %w", err, ErrNoData)
		}
		return parseMacProfile(out)
	})
}
