package main

// Hardware catalogue: machines a French town hall buys through public
// procurement (Dell, HP, Lenovo business lines), with the processors,
// memory, disks and monitors they ship with, as SMBIOS, WMI and EDID report
// them.

// cpuModel is one processor as SMBIOS and CPUID describe it.
type cpuModel struct {
	Name         string
	Manufacturer string
	Family       string // family name, e.g. "Core i5"
	FamilyNumber string
	Model        string
	Stepping     int64
	Cores        int64
	Threads      int64
	SpeedMHz     int64
	ID           string // CPUID bytes
}

var (
	cpuI5_8500    = cpuModel{"Intel(R) Core(TM) i5-8500 CPU @ 3.00GHz", "Intel", "Core i5", "6", "158", 10, 6, 1, 3000, "EA 06 09 00 FF FB EB BF"}
	cpuI5_10500   = cpuModel{"Intel(R) Core(TM) i5-10500 CPU @ 3.10GHz", "Intel", "Core i5", "6", "165", 3, 6, 2, 3100, "53 06 0A 00 FF FB EB BF"}
	cpuI5_12500   = cpuModel{"12th Gen Intel(R) Core(TM) i5-12500", "Intel", "Core i5", "6", "151", 5, 6, 2, 3000, "75 06 09 00 FF FB EB BF"}
	cpuI7_12700   = cpuModel{"12th Gen Intel(R) Core(TM) i7-12700", "Intel", "Core i7", "6", "151", 2, 12, 2, 2100, "72 06 09 00 FF FB EB BF"}
	cpuI5_13500   = cpuModel{"13th Gen Intel(R) Core(TM) i5-13500", "Intel", "Core i5", "6", "191", 2, 14, 2, 2500, "F2 06 0B 00 FF FB EB BF"}
	cpuI5_1135G7  = cpuModel{"11th Gen Intel(R) Core(TM) i5-1135G7 @ 2.40GHz", "Intel", "Core i5", "6", "140", 1, 4, 2, 2400, "C1 06 08 00 FF FB EB BF"}
	cpuI5_1145G7  = cpuModel{"11th Gen Intel(R) Core(TM) i5-1145G7 @ 2.60GHz", "Intel", "Core i5", "6", "140", 1, 4, 2, 2600, "C1 06 08 00 FF FB EB BF"}
	cpuI5_1245U   = cpuModel{"12th Gen Intel(R) Core(TM) i5-1245U", "Intel", "Core i5", "6", "154", 4, 10, 2, 1600, "A4 06 09 00 FF FB EB BF"}
	cpuI7_1365U   = cpuModel{"13th Gen Intel(R) Core(TM) i7-1365U", "Intel", "Core i7", "6", "186", 3, 10, 2, 1800, "A3 06 0B 00 FF FB EB BF"}
	cpuI5_1335U   = cpuModel{"13th Gen Intel(R) Core(TM) i5-1335U", "Intel", "Core i5", "6", "186", 3, 10, 2, 1300, "A3 06 0B 00 FF FB EB BF"}
	cpuRyzen5Pro  = cpuModel{"AMD Ryzen 5 PRO 5650G with Radeon Graphics", "AMD", "Ryzen 5", "25", "80", 0, 6, 2, 3900, "00 0F A5 00 FF FB 8B 17"}
	cpuRyzen5P7x  = cpuModel{"AMD Ryzen 5 PRO 7530U with Radeon Graphics", "AMD", "Ryzen 5", "25", "80", 0, 6, 2, 2000, "00 0F A5 00 FF FB 8B 17"}
	cpuI3_10100   = cpuModel{"Intel(R) Core(TM) i3-10100 CPU @ 3.60GHz", "Intel", "Core i3", "6", "165", 3, 4, 2, 3600, "53 06 0A 00 FF FB EB BF"}
	cpuPentiumG64 = cpuModel{"Intel(R) Pentium(R) Gold G6400 CPU @ 4.00GHz", "Intel", "Pentium", "6", "165", 3, 2, 2, 4000, "53 06 0A 00 FF FB EB BF"}
)

// machineModel is one PC model.
type machineModel struct {
	Vendor     string // SMBIOS system manufacturer, as the BIOS writes it
	Name       string // SMBIOS product name
	SKU        string
	Laptop     bool
	Chassis    string // SMBIOS chassis type
	Year       int    // first year the town hall bought it
	CPUs       []cpuModel
	RAMGiB     []int64
	BIOSVendor string
	BIOSVers   []string // oldest first
	Board      string   // motherboard model
	Video      string
	NICWired   string // wired adapter as Windows names it ("" for none)
	NICWiFi    string // Wi-Fi adapter ("" for none)
}

// models is every model in the park, with its share of purchases.
var models = []struct {
	m      machineModel
	weight int
}{
	{machineModel{"Dell Inc.", "OptiPlex 7060", "085A", false, "Mini Tower", 2018, []cpuModel{cpuI5_8500}, []int64{8},
		"Dell Inc.", []string{"1.22.0", "1.26.0"}, "0C96W1", "Intel(R) UHD Graphics 630", "Intel(R) Ethernet Connection (7) I219-LM", ""}, 5},
	{machineModel{"Dell Inc.", "OptiPlex 7080", "09E3", false, "Small Form Factor", 2020, []cpuModel{cpuI5_10500}, []int64{8, 16},
		"Dell Inc.", []string{"1.20.0", "1.23.0", "1.25.0"}, "0W0CHX", "Intel(R) UHD Graphics 630", "Intel(R) Ethernet Connection (11) I219-LM", ""}, 10},
	{machineModel{"Dell Inc.", "OptiPlex 7010", "0C70", false, "Small Form Factor", 2023, []cpuModel{cpuI5_13500}, []int64{16},
		"Dell Inc.", []string{"1.11.1", "1.14.0"}, "0JH4NJ", "Intel(R) UHD Graphics 770", "Intel(R) Ethernet Connection (17) I219-LM", ""}, 8},
	{machineModel{"Dell Inc.", "Latitude 5420", "0A67", true, "Notebook", 2021, []cpuModel{cpuI5_1135G7, cpuI5_1145G7}, []int64{8, 16},
		"Dell Inc.", []string{"1.28.0", "1.31.0", "1.33.0"}, "0TJT1C", "Intel(R) Iris(R) Xe Graphics", "Intel(R) Ethernet Connection (13) I219-LM", "Intel(R) Wi-Fi 6 AX201 160MHz"}, 8},
	{machineModel{"Dell Inc.", "Latitude 5440", "0C0A", true, "Notebook", 2023, []cpuModel{cpuI5_1335U}, []int64{16},
		"Dell Inc.", []string{"1.9.0", "1.12.1"}, "0RJK2V", "Intel(R) Iris(R) Xe Graphics", "Intel(R) Ethernet Connection (16) I219-LM", "Intel(R) Wi-Fi 6E AX211 160MHz"}, 6},
	{machineModel{"HP", "HP ProDesk 400 G7 Small Form Factor PC", "1C4F7EA#ABF", false, "Small Form Factor", 2020, []cpuModel{cpuI3_10100, cpuI5_10500}, []int64{8},
		"HP", []string{"S22 Ver. 02.11.00", "S22 Ver. 02.14.00"}, "8721", "Intel(R) UHD Graphics 630", "Realtek PCIe GbE Family Controller", ""}, 8},
	{machineModel{"HP", "HP EliteDesk 800 G6 Desktop Mini PC", "1D2F9EA#ABF", false, "Mini PC", 2021, []cpuModel{cpuI5_10500}, []int64{16},
		"HP", []string{"S21 Ver. 02.13.00", "S21 Ver. 02.16.00"}, "8715", "Intel(R) UHD Graphics 630", "Intel(R) Ethernet Connection (11) I219-LM", "Intel(R) Wi-Fi 6 AX201 160MHz"}, 6},
	{machineModel{"HP", "HP ProBook 450 15.6 inch G9 Notebook PC", "6F1E6EA#ABF", true, "Notebook", 2022, []cpuModel{cpuI5_1245U}, []int64{8, 16},
		"HP", []string{"U79 Ver. 01.06.00", "U79 Ver. 01.08.00"}, "8A7F", "Intel(R) Iris(R) Xe Graphics", "Realtek PCIe GbE Family Controller", "Intel(R) Wi-Fi 6E AX211 160MHz"}, 7},
	{machineModel{"HP", "HP EliteBook 840 G8 Notebook PC", "358T4EA#ABF", true, "Notebook", 2021, []cpuModel{cpuI5_1145G7}, []int64{16},
		"HP", []string{"T37 Ver. 01.15.00", "T37 Ver. 01.17.02"}, "8AB8", "Intel(R) Iris(R) Xe Graphics", "", "Intel(R) Wi-Fi 6 AX201 160MHz"}, 4},
	{machineModel{"HP", "HP 290 G4 Microtower PC", "123P6EA#ABF", false, "Mini Tower", 2020, []cpuModel{cpuPentiumG64, cpuI3_10100}, []int64{4, 8},
		"AMI", []string{"F.30", "F.34"}, "8703", "Intel(R) UHD Graphics 610", "Realtek PCIe GbE Family Controller", ""}, 5},
	{machineModel{"LENOVO", "ThinkCentre M70q Gen 3", "LENOVO_MT_11T3_BU_Think_FM_ThinkCentre M70q Gen 3", false, "Mini PC", 2022, []cpuModel{cpuI5_12500, cpuI7_12700}, []int64{8, 16},
		"LENOVO", []string{"M4ZKT2AA", "M4ZKT3CA"}, "3740", "Intel(R) UHD Graphics 770", "Intel(R) Ethernet Connection (17) I219-V", "Intel(R) Wi-Fi 6 AX201 160MHz"}, 9},
	{machineModel{"LENOVO", "ThinkCentre M75s Gen 2", "LENOVO_MT_11R8_BU_Think_FM_ThinkCentre M75s Gen 2", false, "Small Form Factor", 2021, []cpuModel{cpuRyzen5Pro}, []int64{16},
		"LENOVO", []string{"M3EKT3AA", "M3EKT46A"}, "3398", "AMD Radeon(TM) Graphics", "Realtek PCIe GbE Family Controller", ""}, 4},
	{machineModel{"LENOVO", "ThinkPad T14 Gen 2i", "LENOVO_MT_20W0_BU_Think_FM_ThinkPad T14 Gen 2i", true, "Notebook", 2021, []cpuModel{cpuI5_1145G7}, []int64{16},
		"LENOVO", []string{"N34ET56W (1.56 )", "N34ET61W (1.61 )"}, "20W000Q5FR", "Intel(R) Iris(R) Xe Graphics", "Intel(R) Ethernet Connection (13) I219-V", "Intel(R) Wi-Fi 6 AX201 160MHz"}, 6},
	{machineModel{"LENOVO", "ThinkPad L14 Gen 4", "LENOVO_MT_21H5_BU_Think_FM_ThinkPad L14 Gen 4", true, "Notebook", 2023, []cpuModel{cpuI7_1365U, cpuRyzen5P7x}, []int64{16, 32},
		"LENOVO", []string{"R2CET29W (1.10 )", "R2CET33W (1.14 )"}, "21H5CTO1WW", "Intel(R) Iris(R) Xe Graphics", "Realtek PCIe GbE Family Controller", "Intel(R) Wi-Fi 6E AX211 160MHz"}, 5},
}

// memoryModule is a RAM module part.
type memoryModule struct {
	Manufacturer string
	Part         string
	Type         string
	Speed        string
}

var memoryParts = []memoryModule{
	{"Samsung", "M471A1K43DB1-CWE", "DDR4", "3200 MT/s"},
	{"SK Hynix", "HMA81GS6DJR8N-XN", "DDR4", "3200 MT/s"},
	{"Micron Technology", "8ATF1G64HZ-3G2J1", "DDR4", "3200 MT/s"},
	{"Kingston", "KF432S20IB/8", "DDR4", "3200 MT/s"},
	{"Samsung", "M425R1GB4BB0-CQKOD", "DDR5", "4800 MT/s"},
}

// diskModel is an internal disk.
type diskModel struct {
	Model        string
	Manufacturer string
	Interface    string
	SizeMB       int64
	Firmware     string
	Description  string
}

var diskModels = []diskModel{
	{"SAMSUNG MZVL2512HCJQ-00B00", "Samsung", "NVMe", 512110, "GXA7801Q", "SSD"},
	{"SK hynix PC711 HFS256GDE9X073N", "SK hynix", "NVMe", 256060, "HPS0", "SSD"},
	{"WD PC SN740 SDDPNQD-512G-1002", "Western Digital", "NVMe", 512110, "73110000", "SSD"},
	{"KIOXIA KBG50ZNV512G", "KIOXIA", "NVMe", 512110, "11200108", "SSD"},
	{"ST1000DM010-2EP102", "Seagate", "SATA", 1000204, "CC46", "HDD"},
}

// monitorModel is a display as its EDID describes it.
type monitorModel struct {
	Caption      string
	Manufacturer string
	SerialPrefix string
	Width        int // inches, for the description
}

var monitorModels = []monitorModel{
	{"DELL P2419H", "Dell Inc.", "CN0", 24},
	{"DELL P2422H", "Dell Inc.", "CN0", 24},
	{"DELL P2722H", "Dell Inc.", "CN0", 27},
	{"HP E24 G4", "HP Inc.", "CNC", 24},
	{"HP P24v G5", "HP Inc.", "CNK", 24},
	{"LEN T24i-20", "Lenovo Group Limited", "V90", 24},
	{"PL2493H", "Iiyama", "1171", 24},
	{"S24R650", "Samsung Electric Company", "HNMR", 24},
}
