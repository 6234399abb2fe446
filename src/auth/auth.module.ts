import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OptionalOrganiserGuard, OrganiserGuard } from './organiser.guard';
import { OrganisersRepository } from './organisers.repository';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // Pinned: a token is only ever HS256, from this deployment, for its organiser API.
        const claims = { issuer: config.publicBaseUrl, audience: `${config.publicBaseUrl}/api` };
        return {
          secret: config.jwtSecret,
          signOptions: { algorithm: 'HS256' as const, ...claims },
          verifyOptions: { algorithms: ['HS256' as const], ...claims },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, OrganisersRepository, OrganiserGuard, OptionalOrganiserGuard],
  exports: [AuthService, OrganiserGuard, OptionalOrganiserGuard],
})
export class AuthModule {}
