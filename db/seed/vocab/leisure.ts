import { MATERIALS } from './materials';
import { category } from './spec';
import type { CategoryDef } from './types';

export const BEAUTY: CategoryDef = category(
  {
    key: 'beauty',
    name: 'Beauty & Care',
    weight: 1,
    season: [1, 1, 1, 1, 1.05, 1.05, 1, 0.95, 0.95, 1, 1.1, 1.3],
    attributes: 'volume',
    colored: false,
    returnRate: 0.01,
    adjectives: [
      'Gentle | sanft | doux/douce | suave | やさしい | 温和',
      'Hydrating | feuchtigkeitsspendend | hydratant/hydratante | hidratante | 保湿 | 保湿 | skincare haircare body',
      'Natural | natürlich | naturel/naturelle | natural | ナチュラル | 天然',
      'Refreshing | erfrischend | rafraîchissant/rafraîchissante | refrescante | 爽やかな | 清爽',
    ],
    materials: ['argan-oil', 'aloe-vera', 'green-tea', 'rose', 'vitamin-c', 'shea-butter'],
    subcategories: [
      {
        key: 'skincare',
        name: 'Skincare',
        price: [9, 75],
        nouns: [
          'Face Cream | Gesichtscreme:f | crème visage:f | crema facial:f | フェイスクリーム | 面霜',
          'Serum | Serum:n | sérum:m | sérum:m | 美容液 | 精华液 | vitamin-c aloe-vera green-tea rose',
          'Cleansing Gel | Reinigungsgel:n | gel nettoyant:m | gel limpiador:m | 洗顔ジェル | 洁面啫喱 | aloe-vera green-tea',
        ],
      },
      {
        key: 'haircare',
        name: 'Hair Care',
        price: [6, 40],
        nouns: [
          'Shampoo | Shampoo:n | shampooing:m | champú:m | シャンプー | 洗发水 | argan-oil aloe-vera green-tea rose',
          'Hair Oil | Haaröl:n | huile capillaire:f | aceite capilar:m | ヘアオイル | 护发精油 | argan-oil rose',
        ],
      },
      {
        key: 'body',
        name: 'Body Care',
        price: [5, 35],
        nouns: [
          'Body Lotion | Körperlotion:f | lait corporel:m | loción corporal:f | ボディローション | 身体乳',
          'Shower Gel | Duschgel:n | gel douche:m | gel de ducha:m | ボディソープ | 沐浴露 | aloe-vera green-tea rose',
          'Hand Cream | Handcreme:f | crème mains:f | crema de manos:f | ハンドクリーム | 护手霜 | shea-butter aloe-vera rose argan-oil',
        ],
      },
      {
        key: 'fragrance',
        name: 'Fragrance',
        price: [29, 120],
        nouns: [
          'Eau de Parfum | Eau de Parfum:n | eau de parfum:f | perfume:m | オードパルファム | 香水 | rose green-tea',
          'Scented Candle | Duftkerze:f | bougie parfumée:f | vela aromática:f | アロマキャンドル | 香薰蜡烛 | rose green-tea',
        ],
      },
    ],
    benefits: {
      en: [
        'Dermatologically tested and suitable for sensitive skin.',
        'Vegan formula without parabens or microplastics.',
        'A light texture that absorbs quickly.',
      ],
      de: [
        'Dermatologisch getestet und für empfindliche Haut geeignet.',
        'Vegane Formel ohne Parabene und Mikroplastik.',
        'Leichte Textur, die schnell einzieht.',
      ],
      fr: [
        'Testé dermatologiquement, convient aux peaux sensibles.',
        'Formule vegan sans parabènes ni microplastiques.',
        'Une texture légère qui pénètre rapidement.',
      ],
      es: [
        'Testado dermatológicamente y apto para pieles sensibles.',
        'Fórmula vegana sin parabenos ni microplásticos.',
        'Textura ligera de rápida absorción.',
      ],
      ja: [
        '皮膚科医テスト済みで敏感肌にも。',
        'パラベン・マイクロプラスチック不使用のヴィーガン処方。',
        '軽いテクスチャーですばやくなじみます。',
      ],
      zh: ['经皮肤科测试，适合敏感肌。', '纯素配方，不含防腐剂和微塑料。', '质地轻盈，快速吸收。'],
    },
  },
  MATERIALS,
);

export const ELECTRONICS: CategoryDef = category(
  {
    key: 'electronics',
    name: 'Electronics',
    weight: 1.2,
    season: [0.95, 0.9, 0.9, 0.9, 0.9, 0.9, 0.95, 1, 1, 1.05, 1.35, 1.5],
    attributes: 'battery',
    colored: true,
    returnRate: 0.05,
    adjectives: [
      'Portable | tragbar | portable | portátil | ポータブル | 便携式 | audio phone-accessories',
      'Compact | kompakt | compact/compacte | compacto/compacta | コンパクトな | 小巧',
      'Smart | smart | intelligent/intelligente | inteligente | スマートな | 智能 | smart-home wearables',
    ],
    materials: ['bluetooth', 'noise-cancelling', 'fast-charging', 'aluminium', 'wifi'],
    subcategories: [
      {
        key: 'audio',
        name: 'Audio',
        price: [29, 320],
        nouns: [
          'Headphones | Kopfhörer:p | casque:m | auriculares:mp | ヘッドホン | 头戴式耳机 | bluetooth noise-cancelling',
          'Earbuds | In-Ear-Kopfhörer:p | écouteurs:mp | auriculares intrauditivos:mp | イヤホン | 入耳式耳机 | bluetooth noise-cancelling',
          'Speaker | Lautsprecher:m | enceinte:f | altavoz:m | スピーカー | 音箱 | bluetooth wifi aluminium',
        ],
      },
      {
        key: 'phone-accessories',
        name: 'Phone Accessories',
        price: [12, 70],
        nouns: [
          'Charger | Ladegerät:n | chargeur:m | cargador:m | 充電器 | 充电器 | fast-charging',
          'Power Bank | Powerbank:f | batterie externe:f | batería externa:f | モバイルバッテリー | 充电宝 | fast-charging aluminium',
          'Phone Stand | Handyhalter:m | support de téléphone:m | soporte para móvil:m | スマホスタンド | 手机支架 | aluminium',
        ],
      },
      {
        key: 'smart-home',
        name: 'Smart Home',
        price: [15, 90],
        nouns: [
          'Plug | Steckdose:f | prise:f | enchufe:m | プラグ | 插座 | wifi',
          'Light Bulb | Glühbirne:f | ampoule:f | bombilla:f | 電球 | 灯泡 | wifi bluetooth',
          'Thermostat | Thermostat:n | thermostat:m | termostato:m | サーモスタット | 温控器 | wifi',
        ],
      },
      {
        key: 'wearables',
        name: 'Wearables',
        price: [39, 350],
        nouns: [
          'Smartwatch | Smartwatch:f | montre connectée:f | reloj inteligente:m | スマートウォッチ | 智能手表 | aluminium bluetooth',
          'Fitness Tracker | Fitnesstracker:m | bracelet d’activité:m | pulsera de actividad:f | 活動量計 | 运动手环 | bluetooth',
        ],
      },
    ],
    benefits: {
      en: [
        'Long battery life for days of use.',
        'Pairs with your phone in seconds.',
        'Includes a two-year warranty.',
      ],
      de: [
        'Lange Akkulaufzeit für tagelangen Einsatz.',
        'In Sekunden mit dem Smartphone verbunden.',
        'Mit zwei Jahren Garantie.',
      ],
      fr: [
        'Une grande autonomie pour plusieurs jours d’utilisation.',
        'Se connecte à votre téléphone en quelques secondes.',
        'Garantie de deux ans incluse.',
      ],
      es: [
        'Batería de larga duración para varios días de uso.',
        'Se empareja con tu móvil en segundos.',
        'Incluye dos años de garantía.',
      ],
      ja: ['数日間使えるロングバッテリー。', 'スマートフォンと数秒でペアリング。', '2年間の保証付き。'],
      zh: ['超长续航，可使用数天。', '几秒钟即可与手机配对。', '享受两年保修。'],
    },
  },
  MATERIALS,
);

export const SPORTS: CategoryDef = category(
  {
    key: 'sports',
    name: 'Sports & Outdoors',
    weight: 1,
    season: [1.3, 1.1, 1.05, 1.05, 1.1, 1.1, 1.05, 1, 1, 0.9, 0.85, 0.85],
    attributes: 'dimensions',
    colored: true,
    returnRate: 0.05,
    adjectives: [
      'Lightweight | leicht | léger/légère | ligero/ligera | 軽量 | 轻量',
      'Breathable | atmungsaktiv | respirant/respirante | transpirable | 通気性のよい | 透气',
      'Durable | robust | résistant/résistante | resistente | 丈夫な | 耐用',
    ],
    materials: ['natural-rubber', 'cork', 'recycled-polyester', 'ripstop', 'stainless-steel', 'aluminium'],
    subcategories: [
      {
        key: 'fitness',
        name: 'Fitness',
        price: [12, 120],
        nouns: [
          'Yoga Mat | Yogamatte:f | tapis de yoga:m | esterilla de yoga:f | ヨガマット | 瑜伽垫 | natural-rubber cork',
          'Dumbbell Set | Hantelset:n | set d’haltères:m | juego de mancuernas:m | ダンベルセット | 哑铃套装 | stainless-steel natural-rubber',
          'Resistance Band | Fitnessband:n | bande de résistance:f | banda elástica:f | トレーニングチューブ | 弹力带 | natural-rubber',
        ],
      },
      {
        key: 'running',
        name: 'Running',
        price: [19, 70],
        nouns: [
          'Running Shirt | Laufshirt:n | t-shirt de running:m | camiseta de running:f | ランニングシャツ | 跑步T恤 | recycled-polyester',
          'Running Shorts | Laufshorts:p | short de running:m | pantalón corto de running:m | ランニングパンツ | 跑步短裤 | recycled-polyester ripstop',
        ],
      },
      {
        key: 'outdoor',
        name: 'Hiking & Camping',
        price: [15, 350],
        nouns: [
          'Hiking Backpack | Wanderrucksack:m | sac de randonnée:m | mochila de senderismo:f | 登山リュック | 登山包 | ripstop recycled-polyester',
          'Tent | Zelt:n | tente:f | tienda de campaña:f | テント | 帐篷 | ripstop recycled-polyester',
          'Water Bottle | Trinkflasche:f | gourde:f | botella de agua:f | 水筒 | 水壶 | stainless-steel aluminium',
        ],
      },
      {
        key: 'cycling',
        name: 'Cycling',
        price: [19, 150],
        nouns: [
          'Cycling Helmet | Fahrradhelm:m | casque de vélo:m | casco de ciclismo:m | サイクルヘルメット | 骑行头盔 | recycled-polyester',
          'Bike Light | Fahrradlicht:n | éclairage de vélo:m | luz para bicicleta:f | 自転車ライト | 自行车灯 | aluminium',
        ],
      },
    ],
    benefits: {
      en: [
        'Tested by athletes in real conditions.',
        'Moisture-wicking and quick-drying.',
        'Packs small and travels well.',
      ],
      de: [
        'Von Sportlern unter realen Bedingungen getestet.',
        'Feuchtigkeitsableitend und schnell trocknend.',
        'Lässt sich klein verstauen und gut mitnehmen.',
      ],
      fr: [
        'Testé par des sportifs en conditions réelles.',
        'Évacue l’humidité et sèche rapidement.',
        'Peu encombrant, idéal en voyage.',
      ],
      es: [
        'Probado por deportistas en condiciones reales.',
        'Transpirable y de secado rápido.',
        'Ocupa poco y es fácil de llevar.',
      ],
      ja: ['アスリートが実際の環境でテスト済み。', '吸汗速乾素材。', 'コンパクトに収納でき持ち運びに便利。'],
      zh: ['经运动员实地测试。', '吸湿排汗，快干。', '收纳小巧，便于携带。'],
    },
  },
  MATERIALS,
);

export const TOYS: CategoryDef = category(
  {
    key: 'toys',
    name: 'Toys & Games',
    weight: 0.8,
    season: [0.75, 0.8, 0.85, 0.9, 0.9, 0.9, 0.95, 0.95, 1, 1.1, 1.5, 2],
    attributes: 'age',
    colored: true,
    returnRate: 0.02,
    adjectives: [
      'Colourful | bunt | coloré/colorée | colorido/colorida | カラフルな | 多彩',
      'Educational | lehrreich | éducatif/éducative | educativo/educativa | 知育 | 益智',
      'Cuddly | kuschelig | câlin/câline | achuchable | ふわふわの | 软萌 | plush',
    ],
    materials: ['wood', 'plush', 'organic-cotton', 'cardboard', 'recycled-plastic', 'ripstop'],
    subcategories: [
      {
        key: 'building',
        name: 'Building & Construction',
        price: [15, 90],
        nouns: [
          'Building Blocks | Bausteine:p | blocs de construction:mp | bloques de construcción:mp | 積み木 | 积木 | wood recycled-plastic',
          'Marble Run | Kugelbahn:f | circuit à billes:m | circuito de canicas:m | 玉転がし | 弹珠轨道 | wood recycled-plastic',
        ],
      },
      {
        key: 'plush',
        name: 'Soft Toys',
        price: [12, 45],
        nouns: [
          'Teddy Bear | Teddybär:m | ourson:m | osito:m | テディベア | 泰迪熊 | plush organic-cotton',
          'Bunny | Kuschelhase:m | lapin:m | conejito:m | うさぎ | 小兔 | plush organic-cotton',
        ],
      },
      {
        key: 'puzzles-games',
        name: 'Puzzles & Games',
        price: [12, 55],
        nouns: [
          'Jigsaw Puzzle | Puzzle:n | puzzle:m | rompecabezas:m | ジグソーパズル | 拼图 | cardboard wood',
          'Board Game | Brettspiel:n | jeu de société:m | juego de mesa:m | ボードゲーム | 桌游 | cardboard wood',
        ],
      },
      {
        key: 'outdoor-toys',
        name: 'Outdoor Toys',
        price: [19, 130],
        nouns: [
          'Kite | Drachen:m | cerf-volant:m | cometa:f | カイト | 风筝 | ripstop',
          'Balance Bike | Laufrad:n | draisienne:f | bicicleta sin pedales:f | バランスバイク | 平衡车 | wood recycled-plastic',
        ],
      },
    ],
    benefits: {
      en: [
        'Safety-tested to EN 71.',
        'Encourages creativity and fine motor skills.',
        'Made to survive years of play.',
      ],
      de: [
        'Nach EN 71 sicherheitsgeprüft.',
        'Fördert Kreativität und Feinmotorik.',
        'Gemacht für jahrelanges Spielen.',
      ],
      fr: [
        'Testé selon la norme EN 71.',
        'Stimule la créativité et la motricité fine.',
        'Conçu pour des années de jeu.',
      ],
      es: [
        'Seguridad probada según la norma EN 71.',
        'Fomenta la creatividad y la motricidad fina.',
        'Hecho para años de juego.',
      ],
      ja: ['EN 71安全基準に適合。', '創造力と手先の器用さを育みます。', '長く遊べる丈夫なつくり。'],
      zh: ['通过EN 71安全测试。', '培养创造力和精细动作能力。', '经久耐玩。'],
    },
  },
  MATERIALS,
);
