"""Words the benchmark corpus is built from: Indonesian-looking news, all invented.

Kept apart from the demo's vocabulary (warta/ingest/demo) on purpose: the benchmark
must measure the same corpus next year even if the demo newsroom is rewritten.
Institutions and places are real; every person is fictional.
"""

# Word lists read best packed, several to a line.
# fmt: off

SECTIONS = ("Politik", "Hukum", "Ekonomi", "Nusantara", "Dunia", "Olahraga", "Teknologi")

FIRST_NAMES = (
    "Agus", "Bambang", "Citra", "Dedi", "Eko", "Fitri", "Galih", "Hendra", "Indah", "Joko",
    "Kartika", "Lukman", "Maria", "Nurul", "Putu", "Rizky", "Siti", "Teuku", "Wulan", "Yohanes",
    "Arief", "Dewi", "Fajar", "Hasan", "Ratna", "Sigit", "Taufik", "Yanti", "Zainal", "Made",
)
LAST_NAMES = (
    "Santoso", "Wibowo", "Hidayat", "Saputra", "Nasution", "Simanjuntak", "Lubis", "Pohan",
    "Setiadi", "Rahayu", "Prasetyo", "Gunawan", "Suryadi", "Tanjung", "Purba", "Mahendra",
    "Hakim", "Wirawan", "Marpaung", "Latuconsina", "Tambunan", "Ginting", "Ramadhan", "Hutapea",
)

ROLES = (
    "Ketua Komisi III DPR", "Menteri Keuangan", "Gubernur {provinsi}", "Wali Kota {kota}",
    "Juru bicara KPK", "Kepala Bappenas", "Direktur Utama PLN", "Ketua KPU",
    "Kapolda {provinsi}", "Menteri Luar Negeri", "Ketua PSSI", "Menteri Komunikasi dan Digital",
    "pengamat politik Universitas Indonesia", "ekonom INDEF", "peneliti LIPI",
    "Kepala Dinas Kesehatan {provinsi}", "Bupati {kota}", "Wakil Ketua MPR",
)

INSTITUTIONS = (
    "KPK", "DPR", "MPR", "Polri", "TNI", "Kejaksaan Agung", "Mahkamah Agung",
    "Mahkamah Konstitusi", "Bank Indonesia", "OJK", "KPU", "Bawaslu", "BPK", "Pertamina",
    "PLN", "BPJS Kesehatan", "Kementerian Keuangan", "Kementerian Luar Negeri", "ASEAN",
    "Kementerian Pertahanan", "Kementerian Kesehatan", "BMKG", "Basarnas", "PSSI", "PBSI",
    "Komnas HAM", "Ombudsman", "BNPB", "Kemenkomdigi", "Bappenas",
)

CITIES = (
    ("Medan", "Sumatera Utara"), ("Banda Aceh", "Aceh"), ("Padang", "Sumatera Barat"),
    ("Pekanbaru", "Riau"), ("Palembang", "Sumatera Selatan"), ("Jambi", "Jambi"),
    ("Bandar Lampung", "Lampung"), ("Batam", "Kepulauan Riau"), ("Serang", "Banten"),
    ("Bandung", "Jawa Barat"), ("Bogor", "Jawa Barat"), ("Semarang", "Jawa Tengah"),
    ("Solo", "Jawa Tengah"), ("Yogyakarta", "DI Yogyakarta"), ("Surabaya", "Jawa Timur"),
    ("Malang", "Jawa Timur"), ("Denpasar", "Bali"), ("Mataram", "Nusa Tenggara Barat"),
    ("Kupang", "Nusa Tenggara Timur"), ("Pontianak", "Kalimantan Barat"),
    ("Banjarmasin", "Kalimantan Selatan"), ("Balikpapan", "Kalimantan Timur"),
    ("Samarinda", "Kalimantan Timur"), ("Makassar", "Sulawesi Selatan"),
    ("Manado", "Sulawesi Utara"), ("Palu", "Sulawesi Tengah"), ("Kendari", "Sulawesi Tenggara"),
    ("Ambon", "Maluku"), ("Ternate", "Maluku Utara"), ("Jayapura", "Papua"),
)

COUNTRIES = (
    "Jepang", "Korea Selatan", "China", "India", "Malaysia", "Singapura", "Thailand",
    "Vietnam", "Filipina", "Australia", "Arab Saudi", "Mesir", "Turki", "Rusia", "Jerman",
    "Prancis", "Inggris", "Belanda", "Amerika Serikat", "Brasil",
)

# What a story is about, per section; titles and tags draw on these.
ISSUES = {
    "Politik": (
        "revisi UU Pemilu", "ambang batas parlemen", "perombakan kabinet", "pilkada serentak",
        "netralitas ASN", "RUU Penyiaran", "koalisi pemerintah", "dana desa",
    ),
    "Hukum": (
        "korupsi kuota haji", "suap perizinan tambang", "restorative justice",
        "mutasi kepala kejaksaan", "sidang praperadilan", "pencucian uang", "kasus narkoba",
        "gratifikasi pejabat daerah",
    ),
    "Ekonomi": (
        "harga beras", "produksi batu bara", "suku bunga acuan", "nilai tukar rupiah",
        "subsidi BBM", "ekspor nikel", "inflasi pangan", "kredit usaha rakyat",
    ),
    "Nusantara": (
        "banjir rob", "jalan rusak", "stunting", "sengketa lahan", "harga cabai",
        "krisis air bersih", "festival budaya", "pembangunan pelabuhan",
    ),
    "Dunia": (
        "gencatan senjata", "perundingan damai", "krisis pengungsi", "pemilu presiden",
        "perang dagang", "sanksi ekonomi", "konflik perbatasan", "KTT ASEAN",
    ),
    "Olahraga": (
        "Liga 1", "tim nasional", "Piala AFF", "bulu tangkis Indonesia Open",
        "naturalisasi pemain", "MotoGP Mandalika", "SEA Games", "kualifikasi Piala Dunia",
    ),
    "Teknologi": (
        "kebocoran data", "pusat data nasional", "judi online", "jaringan 5G",
        "kecerdasan buatan", "perusahaan rintisan", "satelit internet", "pinjaman online",
    ),
}

TITLES = (
    "{tokoh} Minta {lembaga} Tuntaskan {isu}",
    "{lembaga} Bentuk Tim Khusus Tangani {isu}",
    "DPR Desak {lembaga} Transparan soal {isu}",
    "{tokoh}: {isu} di {provinsi} Mulai Mereda",
    "Begini Sikap {tokoh} soal {isu}",
    "{tokoh} Bantah Terlibat {isu}",
    "Dari {kota}, {tokoh} Serukan Penyelesaian {isu}",
    "{lembaga} Gandeng {negara} Atasi {isu}",
    "Polemik {isu} Berlanjut, {tokoh} Dipanggil {lembaga}",
    "{lembaga} Kebut Penanganan {isu} di {kota}",
    "Soal {isu}, {tokoh} Angkat Bicara",
    "{isu} Jadi Sorotan, {lembaga} Diminta Bertindak Tegas",
    "Warga {kota} Keluhkan {isu}, {lembaga} Turun Tangan",
    "{tokoh}: {isu} Harus Dituntaskan Tahun Ini",
    "Menanti Nyali {lembaga} Usut {isu}",
    "{negara} dan Indonesia Bahas {isu}",
    "{tokoh}: Pemerintah Siapkan Langkah Baru Hadapi {isu}",
    "{lembaga} Panggil {tokoh} terkait {isu}",
)

SENTENCES = (
    "{tokoh} menegaskan {lembaga} tidak akan berhenti sampai persoalan {isu} benar-benar tuntas.",
    "Pernyataan itu disampaikan {peran} {tokoh} kepada wartawan di {kota} pada {hari} ({tanggal}).",
    "Menurut catatan {lembaga}, sedikitnya {angka} orang terdampak langsung oleh {isu} "
    "sepanjang tahun ini.",
    "Sejumlah kalangan menilai langkah pemerintah soal {isu} masih jauh dari harapan publik.",
    "Ia menambahkan koordinasi dengan pemerintah daerah {provinsi} terus dilakukan setiap pekan.",
    '"Kami ingin semua pihak duduk bersama dan mencari jalan keluar terbaik," kata {tokoh}.',
    '"Tidak boleh ada yang ditutup-tutupi, masyarakat berhak tahu," ujar {peran} itu.',
    "Data terbaru menunjukkan kenaikan sekitar {persen} persen dibandingkan periode yang sama "
    "tahun lalu.",
    "Dalam rapat terbatas di Jakarta, pembahasan {isu} berlangsung hingga larut malam.",
    "{lembaga} berjanji menyampaikan hasil evaluasi lengkap kepada publik dalam waktu dekat.",
    "Keterlibatan {negara} dipandang penting untuk membuka jalan penyelesaian yang lebih cepat.",
    "Warga di {kota} berharap persoalan ini tidak berlarut-larut seperti tahun-tahun sebelumnya.",
    "Sejak awal bulan, {lembaga} telah memeriksa {angka2} saksi dari berbagai instansi.",
    "Anggaran sebesar Rp {miliar} miliar disiapkan untuk menangani {isu} hingga akhir tahun.",
    "Hingga berita ini diturunkan, pihak terkait belum memberikan tanggapan resmi.",
    "Pengamat menilai {isu} berpotensi memengaruhi kepercayaan publik menjelang tahun politik.",
)

LEADS = (
    "{lembaga} memastikan penanganan {isu} menjadi prioritas utama pekan ini. {tokoh} menyebut "
    "langkah konkret akan diumumkan dalam waktu dekat.",
    "Persoalan {isu} kembali mencuat di {kota}. Sejumlah pihak mendesak {lembaga} segera turun "
    "tangan sebelum dampaknya meluas.",
    "{tokoh} angkat bicara soal {isu}. Menurutnya, semua pihak harus serius mencari jalan keluar.",
)

CAPTIONS = (
    "{tokoh} saat memberikan keterangan kepada wartawan di {kota}",
    "Suasana rapat pembahasan {isu} di Jakarta",
    "Warga {kota} beraktivitas di tengah sorotan {isu}",
    "{peran} {tokoh} meninjau lokasi di {provinsi}",
)
CREDITS = ("Net", "Net", "Antara", "Istimewa", "Dok. Humas", "Warta/Dimas", "Warta/Ayu")

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
# fmt: on
