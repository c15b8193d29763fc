package collect

import (
	"context"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

const (
	qVideoController = "SELECT AdapterRAM, CurrentHorizontalResolution, CurrentVerticalResolution, Name, PNPDeviceID, VideoProcessor FROM Win32_VideoController"
	regDisplayClass  = `SYSTEM\CurrentControlSet\Control\Class\{4d36e968-e325-11ce-bfc1-08002be10318}`
)

// windowsVideos lists graphics adapters. AdapterRAM is a uint32, so WMI
// caps it at 4 GiB (and the scripting API even gives it as a negative
// int32 above 2 GiB); the driver's own figure in the display class key,
// HardwareInformation.qwMemorySize, is used when it is larger.
func windowsVideos(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	rows, err := winQuery(ctx, env, nsCIMV2, qVideoController)
	if err != nil {
		return fmt.Errorf("video controllers: %w", err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("Win32_VideoController has no instance: %w", ErrNoData)
	}
	drivers := winDisplayDrivers(env)
	for _, v := range rows {
		vid := inventory.Video{
			Name:    wStr(v, "Name"),
			Chipset: wStr(v, "VideoProcessor"),
		}
		ram := wNum0(v, "AdapterRAM")
		if ram < 0 {
			ram += 1 << 32
		}
		if mem := winDriverMemory(drivers, wStr(v, "PNPDeviceID"), vid.Name); mem > ram {
			ram = mem
		}
		vid.Memory = winMiB(ram)
		if w, h := wNum0(v, "CurrentHorizontalResolution"), wNum0(v, "CurrentVerticalResolution"); w > 0 && h > 0 {
			vid.Resolution = fmt.Sprintf("%dx%d", w, h)
		}
		r.Content.Videos = append(r.Content.Videos, vid)
	}
	return nil
}

// winDisplayDrivers reads the display class's driver keys ("0000",
// "0001"...). Other subkeys ("Properties") are refused even to SYSTEM and
// are skipped like any key that cannot be read.
func winDisplayDrivers(env *Env) []wrow {
	keys, err := winSubKeys(env, "HKLM", regDisplayClass)
	if err != nil {
		return nil
	}
	var out []wrow
	for _, k := range keys {
		if len(k) != 4 || strings.Trim(k, "0123456789") != "" {
			continue
		}
		if v, err := winReg(env, "HKLM", regDisplayClass+`\`+k); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// winDriverMemory finds the adapter's driver key, by its hardware ID or
// else its name, and returns the memory size the driver reports in bytes.
func winDriverMemory(drivers []wrow, pnp, name string) int64 {
	pnp = strings.ToLower(pnp)
	for _, d := range drivers {
		id := strings.ToLower(wStr(d, "MatchingDeviceId"))
		if !(id != "" && strings.HasPrefix(pnp, id)) && !strings.EqualFold(wStr(d, "DriverDesc"), name) {
			continue
		}
		for _, v := range []string{"HardwareInformation.qwMemorySize", "HardwareInformation.MemorySize"} {
			if n := winRegSize(d[v]); n > 0 {
				return n
			}
		}
	}
	return 0
}

// winRegSize reads a size stored either as a DWORD/QWORD or as raw
// little-endian bytes, as display drivers variously do.
func winRegSize(v any) int64 {
	switch x := v.(type) {
	case []byte:
		switch {
		case len(x) >= 8:
			return int64(binary.LittleEndian.Uint64(x) & (1<<63 - 1))
		case len(x) >= 4:
			return int64(binary.LittleEndian.Uint32(x))
		}
		return 0
	}
	n, _ := wToInt(v)
	return n
}
