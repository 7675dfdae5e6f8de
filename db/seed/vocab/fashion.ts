import { MATERIALS } from './materials';
import { category } from './spec';
import type { CategoryDef } from './types';

export const APPAREL: CategoryDef = category(
  {
    key: 'apparel',
    name: 'Apparel',
    weight: 1.5,
    season: [1.1, 1, 1, 1, 1, 0.95, 0.9, 0.9, 1, 1.1, 1.15, 1.2],
    attributes: 'apparel-size',
    colored: true,
    returnRate: 0.09,
    adjectives: [
      'Relaxed | lässig | décontracté/décontractée | holgado/holgada | ゆったりとした | 宽松',
      'Slim-Fit | tailliert | ajusté/ajustée | entallado/entallada | スリムな | 修身',
      'Soft | weich | doux/douce | suave | 柔らかな | 柔软',
      'Lightweight | leicht | léger/légère | ligero/ligera | 軽やかな | 轻盈',
    ],
    materials: ['cotton', 'organic-cotton', 'linen', 'wool', 'merino', 'denim', 'silk', 'recycled-nylon'],
    subcategories: [
      {
        key: 'tops',
        name: 'Shirts & Tops',
        price: [19, 69],
        nouns: [
          'Shirt | Hemd:n | chemise:f | camisa:f | シャツ | 衬衫 | cotton linen organic-cotton denim silk',
          'T-Shirt | T-Shirt:n | t-shirt:m | camiseta:f | Tシャツ | T恤 | cotton organic-cotton linen merino',
          'Blouse | Bluse:f | chemisier:m | blusa:f | ブラウス | 女士衬衫 | cotton linen silk',
        ],
      },
      {
        key: 'knitwear',
        name: 'Knitwear',
        price: [35, 120],
        nouns: [
          'Sweater | Pullover:m | pull:m | jersey:m | セーター | 毛衣 | wool merino cotton organic-cotton',
          'Cardigan | Cardigan:m | cardigan:m | cárdigan:m | カーディガン | 开衫 | wool merino cotton',
        ],
      },
      {
        key: 'trousers',
        name: 'Trousers',
        price: [39, 110],
        nouns: [
          'Trousers | Hose:f | pantalon:m | pantalón:m | パンツ | 长裤 | cotton linen wool',
          'Chinos | Chinohose:f | chino:m | chino:m | チノパン | 休闲裤 | cotton organic-cotton',
        ],
      },
      {
        key: 'outerwear',
        name: 'Outerwear',
        price: [79, 260],
        nouns: [
          'Jacket | Jacke:f | veste:f | chaqueta:f | ジャケット | 夹克 | denim wool cotton recycled-nylon',
          'Coat | Mantel:m | manteau:m | abrigo:m | コート | 大衣 | wool cotton recycled-nylon',
        ],
      },
      {
        key: 'dresses',
        name: 'Dresses & Skirts',
        price: [35, 140],
        nouns: [
          'Dress | Kleid:n | robe:f | vestido:m | ワンピース | 连衣裙 | cotton linen silk denim',
          'Skirt | Rock:m | jupe:f | falda:f | スカート | 半身裙 | cotton linen denim wool',
        ],
      },
    ],
    benefits: {
      en: [
        'Comfortable to wear all day.',
        'Easy to care for: machine washable at 30 °C.',
        'A versatile piece that is easy to combine.',
      ],
      de: [
        'Den ganzen Tag angenehm zu tragen.',
        'Pflegeleicht: bei 30 °C maschinenwaschbar.',
        'Ein vielseitiges Teil, das sich leicht kombinieren lässt.',
      ],
      fr: [
        'Agréable à porter toute la journée.',
        'Facile d’entretien : lavable en machine à 30 °C.',
        'Une pièce polyvalente, facile à associer.',
      ],
      es: [
        'Cómodo de llevar durante todo el día.',
        'Fácil de cuidar: lavable a máquina a 30 °C.',
        'Una prenda versátil y fácil de combinar.',
      ],
      ja: [
        '一日中快適に着られます。',
        'お手入れ簡単：30℃で洗濯機洗い可能。',
        'コーディネートしやすい万能アイテム。',
      ],
      zh: ['全天穿着舒适。', '易于打理：可30°C机洗。', '百搭单品，易于搭配。'],
    },
  },
  MATERIALS,
);

export const SHOES: CategoryDef = category(
  {
    key: 'shoes',
    name: 'Shoes',
    weight: 1.1,
    season: [0.95, 0.95, 1.05, 1.1, 1.1, 1.05, 1, 0.95, 1, 1, 0.95, 1.05],
    attributes: 'shoe-size',
    colored: true,
    returnRate: 0.12,
    adjectives: [
      'Comfortable | bequem | confortable | cómodo/cómoda | 履き心地のよい | 舒适',
      'Waterproof | wasserdicht | imperméable | impermeable | 防水 | 防水',
      'Lightweight | leicht | léger/légère | ligero/ligera | 軽やかな | 轻盈',
    ],
    materials: ['leather', 'suede', 'canvas', 'recycled-mesh'],
    subcategories: [
      {
        key: 'sneakers',
        name: 'Sneakers',
        price: [49, 140],
        nouns: [
          'Sneakers | Sneaker:p | baskets:fp | zapatillas:fp | スニーカー | 运动鞋',
          'High-Top Sneakers | High-Top-Sneaker:p | baskets montantes:fp | zapatillas altas:fp | ハイカットスニーカー | 高帮运动鞋',
        ],
      },
      {
        key: 'boots',
        name: 'Boots',
        price: [79, 220],
        nouns: [
          'Boots | Stiefel:p | bottes:fp | botas:fp | ブーツ | 靴子 | leather suede',
          'Ankle Boots | Stiefeletten:p | bottines:fp | botines:mp | ショートブーツ | 短靴 | leather suede',
          'Chelsea Boots | Chelsea-Boots:p | bottines Chelsea:fp | botas Chelsea:fp | サイドゴアブーツ | 切尔西靴 | leather suede',
        ],
      },
      {
        key: 'sandals',
        name: 'Sandals',
        price: [29, 90],
        nouns: [
          'Sandals | Sandalen:p | sandales:fp | sandalias:fp | サンダル | 凉鞋 | leather suede canvas',
          'Espadrilles | Espadrilles:p | espadrilles:fp | alpargatas:fp | エスパドリーユ | 草编鞋 | canvas suede',
        ],
      },
      {
        key: 'loafers',
        name: 'Loafers & Lace-Ups',
        price: [69, 200],
        nouns: [
          'Loafers | Loafer:p | mocassins:mp | mocasines:mp | ローファー | 乐福鞋 | leather suede',
          'Derby Shoes | Schnürschuhe:p | derbies:mp | zapatos derby:mp | ダービーシューズ | 德比鞋 | leather suede',
        ],
      },
    ],
    benefits: {
      en: [
        'A cushioned footbed for all-day comfort.',
        'A durable sole with good grip.',
        'Fits true to size.',
      ],
      de: [
        'Gepolstertes Fußbett für Komfort den ganzen Tag.',
        'Strapazierfähige Sohle mit gutem Grip.',
        'Fällt normal aus.',
      ],
      fr: [
        'Semelle intérieure rembourrée pour un confort toute la journée.',
        'Semelle résistante avec une bonne adhérence.',
        'Taille normalement.',
      ],
      es: [
        'Plantilla acolchada para una comodidad todo el día.',
        'Suela resistente con buen agarre.',
        'Talla normal.',
      ],
      ja: [
        'クッション性の高いインソールで一日中快適。',
        '耐久性のあるソールでしっかりグリップ。',
        'サイズは標準です。',
      ],
      zh: ['缓震鞋垫，全天舒适。', '耐磨鞋底，抓地力强。', '尺码标准。'],
    },
  },
  MATERIALS,
);

export const ACCESSORIES: CategoryDef = category(
  {
    key: 'accessories',
    name: 'Bags & Accessories',
    weight: 0.9,
    season: [0.9, 0.9, 0.95, 1, 1, 0.95, 0.95, 0.95, 1, 1.05, 1.15, 1.35],
    attributes: 'dimensions',
    colored: true,
    returnRate: 0.04,
    adjectives: [
      'Compact | kompakt | compact/compacte | compacto/compacta | コンパクトな | 小巧',
      'Timeless | zeitlos | intemporel/intemporelle | atemporal | タイムレスな | 百搭',
      'Handcrafted | handgefertigt | artisanal/artisanale | artesanal | 職人仕立ての | 手工',
    ],
    materials: ['leather', 'canvas', 'recycled-nylon', 'cotton', 'wool', 'suede'],
    subcategories: [
      {
        key: 'bags',
        name: 'Bags',
        price: [39, 180],
        nouns: [
          'Backpack | Rucksack:m | sac à dos:m | mochila:f | リュック | 双肩包 | leather canvas recycled-nylon',
          'Tote Bag | Shopper:m | cabas:m | bolso tote:m | トートバッグ | 托特包 | leather canvas cotton',
          'Shoulder Bag | Umhängetasche:f | sac bandoulière:m | bandolera:f | ショルダーバッグ | 斜挎包 | leather canvas recycled-nylon suede',
        ],
      },
      {
        key: 'wallets',
        name: 'Wallets',
        price: [19, 89],
        nouns: [
          'Wallet | Geldbörse:f | portefeuille:m | cartera:f | 財布 | 钱包 | leather recycled-nylon canvas',
          'Card Holder | Kartenetui:n | porte-cartes:m | tarjetero:m | カードケース | 卡包 | leather suede',
        ],
      },
      {
        key: 'belts',
        name: 'Belts',
        price: [19, 79],
        nouns: ['Belt | Gürtel:m | ceinture:f | cinturón:m | ベルト | 腰带 | leather canvas suede'],
      },
      {
        key: 'scarves-hats',
        name: 'Scarves & Hats',
        price: [15, 69],
        nouns: [
          'Scarf | Schal:m | écharpe:f | bufanda:f | マフラー | 围巾 | wool cotton',
          'Beanie | Mütze:f | bonnet:m | gorro:m | ニット帽 | 针织帽 | wool cotton',
        ],
      },
    ],
    benefits: {
      en: [
        'Plenty of room for everyday essentials.',
        'Sturdy stitching and quality hardware.',
        'A thoughtful gift that lasts for years.',
      ],
      de: [
        'Viel Platz für alles, was man täglich braucht.',
        'Robuste Nähte und hochwertige Beschläge.',
        'Ein durchdachtes Geschenk, das jahrelang hält.',
      ],
      fr: [
        'Beaucoup de place pour l’essentiel du quotidien.',
        'Coutures solides et finitions de qualité.',
        'Une idée cadeau qui dure des années.',
      ],
      es: [
        'Mucho espacio para lo imprescindible del día a día.',
        'Costuras resistentes y herrajes de calidad.',
        'Un regalo pensado para durar años.',
      ],
      ja: ['毎日の必需品がたっぷり入ります。', '丈夫な縫製と上質な金具。', '長く愛用できるギフトにも最適。'],
      zh: ['空间充足，日常必需品轻松收纳。', '缝线牢固，五金精良。', '经久耐用，也是贴心的礼物。'],
    },
  },
  MATERIALS,
);
