"""Ekonomi: BI, OJK, markets, food prices, energy. Company names are invented."""

from . import Angle, Desk

DESK = Desk(
    section="Ekonomi",
    scenes=("kota", "laut", "ilustrasi", "cahaya"),
    slots={
        "komoditas": (
            "beras",
            "cabai rawit",
            "bawang merah",
            "minyak goreng",
            "gula pasir",
            "telur ayam",
            "daging sapi",
            "kedelai",
        ),
        "sektor": (
            "perbankan",
            "manufaktur",
            "pariwisata",
            "pertambangan",
            "perikanan",
            "properti",
            "otomotif",
            "tekstil",
        ),
        "perusahaan": (
            "PT Sinar Nusantara Tbk",
            "PT Bumi Samudra Energi",
            "PT Karya Logistik Indonesia",
            "PT Panen Raya Agro",
            "PT Garuda Baja Perkasa",
        ),
    },
    roles=(
        "Gubernur Bank Indonesia",
        "Ketua Dewan Komisioner OJK",
        "Menteri Keuangan",
        "Kepala BPS",
        "Menteri Perdagangan",
        "Direktur Utama {perusahaan}",
        "Menteri Energi dan Sumber Daya Mineral",
        "Kepala Badan Pangan Nasional",
    ),
    experts=(
        "ekonom senior",
        "ekonom Universitas Gadjah Mada",
        "analis pasar modal",
        "pengamat ekonomi Universitas Hasanuddin",
    ),
    angles=(
        Angle(
            titles=(
                "BI Tahan Suku Bunga, Rupiah Menguat",
                "IHSG Ditutup Menguat, Saham {sektor} Jadi Penopang",
                "OJK Perketat Pengawasan Pinjaman Daring",
            ),
            leads=(
                "Bank Indonesia memutuskan mempertahankan suku bunga acuan dalam rapat dewan "
                "gubernur bulan ini. Keputusan itu disambut positif pasar.",
                "Indeks Harga Saham Gabungan ditutup menguat {persen} pada perdagangan {hari}. "
                "Saham sektor {sektor} menjadi penopang utama.",
                "Otoritas Jasa Keuangan menyiapkan aturan baru untuk menekan praktik penagihan "
                "kasar oleh penyelenggara pinjaman daring.",
            ),
            facts=(
                "Nilai tukar rupiah di pasar spot bergerak menguat dan sempat menyentuh level "
                "terkuatnya dalam sebulan terakhir.",
                "Investor asing mencatatkan beli bersih senilai {nilai} di seluruh pasar.",
                "Sepanjang tahun berjalan, OJK telah menjatuhkan sanksi kepada {jumlah} "
                "penyelenggara yang melanggar ketentuan.",
            ),
            tags=("Bank Indonesia", "Pasar Modal", "OJK"),
        ),
        Angle(
            titles=(
                "Harga {komoditas} Naik Jelang Akhir Pekan",
                "Pemerintah Guyur Pasar {kota} dengan {komoditas} Murah",
                "Stok {komoditas} Dijamin Aman Hingga Akhir Tahun",
            ),
            leads=(
                "Harga {komoditas} di sejumlah pasar tradisional merangkak naik. Di {kota}, "
                "pedagang mengaku kenaikan sudah terasa sejak awal pekan.",
                "Pemerintah menggelar operasi pasar untuk meredam kenaikan harga {komoditas}. "
                "Sebanyak {jumlah} ton disalurkan ke pasar-pasar di {provinsi}.",
            ),
            facts=(
                "Berdasarkan pantauan di Pasar Induk {kota}, kenaikan harga mencapai {persen} "
                "dibandingkan bulan lalu.",
                "Pedagang menyebut pasokan dari sentra produksi berkurang karena cuaca buruk.",
                "Badan Pusat Statistik mencatat komoditas pangan menyumbang inflasi terbesar "
                "pada bulan lalu.",
            ),
            tags=("Harga Pangan", "Inflasi"),
        ),
        Angle(
            titles=(
                "{perusahaan} Bukukan Laba {nilai}",
                "Investasi Sektor {sektor} di {provinsi} Melonjak",
                "Ekspor {sektor} Tertekan Perlambatan Ekonomi Global",
            ),
            leads=(
                "{perusahaan} membukukan laba bersih {nilai} hingga kuartal ketiga. Kinerja "
                "itu ditopang permintaan dalam negeri yang tetap kuat.",
                "Realisasi investasi di {provinsi} melonjak tahun ini. Sektor {sektor} menjadi "
                "penyumbang terbesar dengan nilai {nilai}.",
            ),
            facts=(
                "Pendapatan perusahaan tumbuh {persen} secara tahunan, sementara beban usaha "
                "berhasil ditekan.",
                "Perusahaan berencana menambah belanja modal untuk membangun {jumlah2} fasilitas "
                "produksi baru di luar Jawa.",
                "Penyerapan tenaga kerja dari investasi tersebut diperkirakan mencapai ribuan "
                "orang.",
            ),
            tags=("Investasi", "Korporasi"),
        ),
    ),
    quotes=(
        "Fundamental ekonomi kita masih kuat di tengah ketidakpastian global",
        "Kami akan terus berada di pasar untuk menjaga stabilitas",
        "Pasokan aman, masyarakat tidak perlu membeli berlebihan",
        "Kebijakan ini kami ambil untuk melindungi daya beli masyarakat",
        "Kami optimistis pertumbuhan ekonomi tahun ini sesuai target",
        "Koordinasi dengan pemerintah daerah terus kami perkuat",
    ),
    expert_quotes=(
        "Pemerintah perlu memastikan distribusi berjalan lancar hingga ke daerah terpencil",
        "Pasar masih menunggu kepastian arah kebijakan fiskal tahun depan",
        "Konsumsi rumah tangga tetap menjadi kunci pertumbuhan",
        "Risiko terbesar justru datang dari gejolak harga komoditas global",
    ),
    background=(
        "Pertumbuhan ekonomi Indonesia pada kuartal lalu tercatat {persen} secara tahunan.",
        "Inflasi tahunan masih berada dalam kisaran sasaran yang ditetapkan pemerintah dan "
        "Bank Indonesia.",
        "Kinerja sektor {sektor} menjadi perhatian karena menyerap banyak tenaga kerja.",
        "Sejumlah lembaga internasional sebelumnya merevisi proyeksi pertumbuhan ekonomi "
        "global untuk tahun ini.",
    ),
    captions=(
        "Pedagang melayani pembeli di pasar tradisional di {kota}",
        "Gedung perkantoran di kawasan bisnis {kota}",
        "Aktivitas bongkar muat di pelabuhan",
        "Ilustrasi pertumbuhan ekonomi",
    ),
    tags=("Ekonomi",),
)
