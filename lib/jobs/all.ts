/**
 * Every job type (and schedule) of the product, imported for their registration side effect.
 * A runner can only run the types it has loaded, so a new job module is added here.
 */
import './builtin/maintenance';
import '@/lib/import/job';
import '@/lib/connectors/job';
import '@/lib/embeddings/job';
import '@/lib/recommend/train/job';
import '@/lib/recommend/evaluations/job';
import '@/lib/profiles/jobs';
import '@/lib/predict/job';
import '@/lib/segments/jobs';
import '@/lib/ads/jobs';
import '@/lib/privacy/retention/job';
import '@/lib/privacy/reencrypt-job';
import '@/lib/fairness/recommendations/job';
import '@/lib/predict/drift/job';
import '@/lib/fairness/predictions/job';
