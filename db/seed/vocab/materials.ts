import { keyed } from './spec';
import type { Material } from './types';

/** Materials, ingredients and features: key | en (before the noun) | de, fr, es (phrase after it) | ja | zh. */
const ROWS = [
  'cotton | Cotton | aus Baumwolle | en coton | de algodón | コットン | 纯棉',
  'organic-cotton | Organic Cotton | aus Bio-Baumwolle | en coton bio | de algodón orgánico | オーガニックコットン | 有机棉',
  'linen | Linen | aus Leinen | en lin | de lino | リネン | 亚麻',
  'wool | Wool | aus Wolle | en laine | de lana | ウール | 羊毛',
  'merino | Merino | aus Merinowolle | en laine mérinos | de lana merino | メリノウール | 美利奴羊毛',
  'denim | Denim | aus Denim | en denim | de tela vaquera | デニム | 牛仔',
  'silk | Silk | aus Seide | en soie | de seda | シルク | 真丝',
  'recycled-nylon | Recycled Nylon | aus recyceltem Nylon | en nylon recyclé | de nailon reciclado | リサイクルナイロン | 再生尼龙',
  'leather | Leather | aus Leder | en cuir | de piel | レザー | 真皮',
  'suede | Suede | aus Veloursleder | en daim | de ante | スエード | 麂皮',
  'canvas | Canvas | aus Canvas | en toile | de lona | キャンバス | 帆布',
  'recycled-mesh | Recycled Mesh | aus recyceltem Mesh | en mesh recyclé | de malla reciclada | リサイクルメッシュ | 再生网布',
  'ceramic | Ceramic | aus Keramik | en céramique | de cerámica | セラミック | 陶瓷',
  'glass | Glass | aus Glas | en verre | de vidrio | ガラス | 玻璃',
  'oak | Oak | aus Eichenholz | en chêne | de roble | オーク | 橡木',
  'rattan | Rattan | aus Rattan | en rotin | de ratán | ラタン | 藤编',
  'stainless-steel | Stainless Steel | aus Edelstahl | en inox | de acero inoxidable | ステンレス | 不锈钢',
  'cast-iron | Cast Iron | aus Gusseisen | en fonte | de hierro fundido | 鋳鉄 | 铸铁',
  'stoneware | Stoneware | aus Steinzeug | en grès | de gres | ストーンウェア | 粗陶',
  'bamboo | Bamboo | aus Bambus | en bambou | de bambú | バンブー | 竹制',
  'olive-wood | Olive Wood | aus Olivenholz | en bois d’olivier | de madera de olivo | オリーブウッド | 橄榄木',
  'terracotta | Terracotta | aus Terrakotta | en terre cuite | de terracota | テラコッタ | 陶土',
  'teak | Teak | aus Teakholz | en teck | de teca | チーク | 柚木',
  'galvanised-steel | Galvanised Steel | aus verzinktem Stahl | en acier galvanisé | de acero galvanizado | スチール | 镀锌钢',
  'recycled-plastic | Recycled Plastic | aus recyceltem Kunststoff | en plastique recyclé | de plástico reciclado | 再生プラスチック | 再生塑料',
  'argan-oil | Argan Oil | mit Arganöl | à l’huile d’argan | con aceite de argán | アルガンオイル | 摩洛哥坚果油',
  'aloe-vera | Aloe Vera | mit Aloe Vera | à l’aloe vera | con aloe vera | アロエ | 芦荟',
  'green-tea | Green Tea | mit grünem Tee | au thé vert | con té verde | 緑茶 | 绿茶',
  'rose | Rose | mit Rosenduft | à la rose | de rosa | ローズ | 玫瑰',
  'vitamin-c | Vitamin C | mit Vitamin C | à la vitamine C | con vitamina C | ビタミンC | 维C',
  'shea-butter | Shea Butter | mit Sheabutter | au beurre de karité | con manteca de karité | シアバター | 乳木果',
  'bluetooth | Bluetooth | mit Bluetooth | Bluetooth | Bluetooth | Bluetooth | 蓝牙',
  'noise-cancelling | Noise-Cancelling | mit Geräuschunterdrückung | à réduction de bruit | con cancelación de ruido | ノイズキャンセリング | 降噪',
  'fast-charging | Fast-Charging | mit Schnellladefunktion | à charge rapide | de carga rápida | 急速充電 | 快充',
  'aluminium | Aluminium | aus Aluminium | en aluminium | de aluminio | アルミ | 铝制',
  'wifi | Wi-Fi | mit WLAN | Wi-Fi | con wifi | Wi-Fi対応 | Wi-Fi',
  'natural-rubber | Natural Rubber | aus Naturkautschuk | en caoutchouc naturel | de caucho natural | 天然ゴム | 天然橡胶',
  'cork | Cork | aus Kork | en liège | de corcho | コルク | 软木',
  'recycled-polyester | Recycled Polyester | aus recyceltem Polyester | en polyester recyclé | de poliéster reciclado | リサイクルポリエステル | 再生涤纶',
  'ripstop | Ripstop | aus Ripstop-Nylon | en nylon ripstop | de nailon ripstop | リップストップ | 防撕裂尼龙',
  'wood | Wooden | aus Holz | en bois | de madera | 木製 | 木制',
  'plush | Plush | aus Plüsch | en peluche | de peluche | ぬいぐるみ | 毛绒',
  'cardboard | Cardboard | aus Karton | en carton | de cartón | 紙製 | 纸质',
];

export const MATERIALS: ReadonlyMap<string, Material> = new Map(
  ROWS.map((row) => {
    const m = keyed(row);
    return [m.key, m];
  }),
);
